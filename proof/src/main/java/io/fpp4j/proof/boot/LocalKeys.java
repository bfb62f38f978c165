package io.fpp4j.proof.boot;

import io.fpp4j.preimage.PreimageKey;

/**
 * Indices of the local (type 1) keys a program boots from. 1 to 5 mean the same in both peers; the custom
 * config keys differ (op-program-spec 3.1 and 13, kona.md 4.3).
 */
public final class LocalKeys {
  public static final long L1_HEAD = 1;
  public static final long L2_OUTPUT_ROOT = 2;
  public static final long L2_CLAIM = 3;
  public static final long L2_CLAIM_BLOCK_NUMBER = 4;
  public static final long L2_CHAIN_ID = 5;

  /** Kona: rollup config JSON. */
  public static final long KONA_ROLLUP_CONFIG = 6;
  /** Kona: L1 chain config JSON. */
  public static final long KONA_L1_CONFIG = 7;

  /** op-program: L2 chain config JSON ({@code params.ChainConfig}). */
  public static final long OP_PROGRAM_L2_CHAIN_CONFIG = 6;
  /** op-program: rollup config JSON ({@code rollup.Config}). */
  public static final long OP_PROGRAM_ROLLUP_CONFIG = 7;
  /** Both peers, interop only: the dependency set JSON. */
  public static final long DEPENDENCY_SET = 8;
  /** op-program: L1 chain config JSON. */
  public static final long OP_PROGRAM_L1_CHAIN_CONFIG = 9;

  /** op-program's chain id meaning "custom chain: read the configs from local keys 6, 7 and 9". */
  public static final long CUSTOM_CHAIN_ID = 0xFFFF_FFFF_FFFF_FFFFL;

  private LocalKeys() {}

  public static PreimageKey key(long index) {
    return PreimageKey.local(index);
  }
}
