package io.fpp4j.host.local;

/** Local key indices of the op-program client ({@code op-preimage} {@code local_keys.go}). */
public final class OpProgramLocalKeys {
  public static final long L1_HEAD = 1;
  public static final long L2_OUTPUT_ROOT = 2;
  public static final long L2_CLAIM = 3;
  public static final long L2_CLAIM_BLOCK_NUMBER = 4;
  /** L2 chain id, u64 big-endian, or {@link #CUSTOM_CHAIN_ID} when the configs below are served. */
  public static final long L2_CHAIN_ID = 5;
  /** L2 chain config JSON (the {@code config} object of an op-geth genesis file), custom chains only. */
  public static final long L2_CHAIN_CONFIG = 6;
  /** Rollup config JSON, custom chains only. */
  public static final long ROLLUP_CONFIG = 7;
  /** Interop dependency set JSON; not served by a single-chain host. */
  public static final long DEPENDENCY_SET = 8;
  /** L1 chain config JSON, custom chains only. */
  public static final long L1_CHAIN_CONFIG = 9;
  /** {@code math.MaxUint64}: the chain id that tells the client to read its configs from local keys 6, 7, 9. */
  public static final long CUSTOM_CHAIN_ID = 0xFFFF_FFFF_FFFF_FFFFL;

  private OpProgramLocalKeys() {}
}
