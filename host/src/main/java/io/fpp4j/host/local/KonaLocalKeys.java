package io.fpp4j.host.local;

/** Local key indices of Kona's single-chain boot info ({@code kona-proof} {@code boot.rs}). */
public final class KonaLocalKeys {
  /** L1 head block hash, 32 bytes. */
  public static final long L1_HEAD = 1;
  /** Agreed L2 output root, 32 bytes. */
  public static final long L2_OUTPUT_ROOT = 2;
  /** Claimed L2 output root, 32 bytes. */
  public static final long L2_CLAIM = 3;
  /** Claimed L2 block number, u64 big-endian. */
  public static final long L2_CLAIM_BLOCK_NUMBER = 4;
  /** L2 chain id, u64 big-endian; 0 when the rollup config comes from a file. */
  public static final long L2_CHAIN_ID = 5;
  /** Rollup config JSON, only when given as a file. */
  public static final long L2_ROLLUP_CONFIG = 6;
  /** L1 chain config JSON, only when given as a file. */
  public static final long L1_CONFIG = 7;

  private KonaLocalKeys() {}
}
