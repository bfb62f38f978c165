package io.fpp4j.proof.boot;

import io.fpp4j.preimage.PreimageKey;

/**
 * The one definition of the local (type 1) key indices a program boots from, for the client that reads them
 * and the host that serves them. Keys 1 to 5 and 8 are shared by both peers; the config keys differ
 * (op-program-spec 3.1 and 13, kona.md 4.3). Each peer's map, single-chain and interop, is a nested class
 * built from the shared indices and, for interop, from the same peer's single-chain map, so an index is
 * written down once and a map only says what it means there.
 */
public final class LocalKeys {
  /** L1 head block hash, 32 bytes. */
  public static final long L1_HEAD = 1;
  /** Agreed L2 output root, 32 bytes (interop: keccak-256 of the agreed pre-state). */
  public static final long L2_OUTPUT_ROOT = 2;
  /** Claimed L2 output root, 32 bytes (interop: the claimed post-state). */
  public static final long L2_CLAIM = 3;
  /** Claimed L2 block number, u64 big-endian (interop: the claimed timestamp). */
  public static final long L2_CLAIM_BLOCK_NUMBER = 4;
  /** L2 chain id, u64 big-endian. */
  public static final long L2_CHAIN_ID = 5;
  /** Both peers, interop only: the dependency set JSON. */
  public static final long DEPENDENCY_SET = 8;

  /** op-program's chain id meaning "custom chain: read the configs from local keys 6, 7 and 9". */
  public static final long CUSTOM_CHAIN_ID = 0xFFFF_FFFF_FFFF_FFFFL;

  private LocalKeys() {}

  public static PreimageKey key(long index) {
    return PreimageKey.local(index);
  }

  /** Kona single-chain ({@code kona-proof} {@code boot.rs}); 5 is 0 when the rollup config is served. */
  public static final class Kona {
    public static final long L1_HEAD = LocalKeys.L1_HEAD;
    public static final long L2_OUTPUT_ROOT = LocalKeys.L2_OUTPUT_ROOT;
    public static final long L2_CLAIM = LocalKeys.L2_CLAIM;
    public static final long L2_CLAIM_BLOCK_NUMBER = LocalKeys.L2_CLAIM_BLOCK_NUMBER;
    public static final long L2_CHAIN_ID = LocalKeys.L2_CHAIN_ID;
    /** Rollup config JSON, only when given as a file. */
    public static final long ROLLUP_CONFIG = 6;
    /** L1 chain config JSON, only when given as a file. */
    public static final long L1_CONFIG = 7;

    private Kona() {}
  }

  /** Kona interop ({@code proof-interop} {@code boot.rs}); there is no key 5: the chains are the pre-state's. */
  public static final class KonaInterop {
    public static final long L1_HEAD = LocalKeys.L1_HEAD;
    /** keccak-256 of the agreed pre-state. */
    public static final long AGREED_PRESTATE = LocalKeys.L2_OUTPUT_ROOT;
    /** The claimed post-state. */
    public static final long CLAIMED_POST_STATE = LocalKeys.L2_CLAIM;
    /** The claimed L2 timestamp, u64 big-endian. */
    public static final long CLAIMED_TIMESTAMP = LocalKeys.L2_CLAIM_BLOCK_NUMBER;
    /** A JSON object from each chain id (decimal) to its rollup config; Kona's single-chain index of it. */
    public static final long ROLLUP_CONFIGS = Kona.ROLLUP_CONFIG;
    public static final long L1_CONFIG = Kona.L1_CONFIG;
    public static final long DEPENDENCY_SET = LocalKeys.DEPENDENCY_SET;

    private KonaInterop() {}
  }

  /** op-program single-chain ({@code op-preimage} {@code local_keys.go}). */
  public static final class OpProgram {
    public static final long L1_HEAD = LocalKeys.L1_HEAD;
    public static final long L2_OUTPUT_ROOT = LocalKeys.L2_OUTPUT_ROOT;
    public static final long L2_CLAIM = LocalKeys.L2_CLAIM;
    public static final long L2_CLAIM_BLOCK_NUMBER = LocalKeys.L2_CLAIM_BLOCK_NUMBER;
    /** The L2 chain id, or {@link LocalKeys#CUSTOM_CHAIN_ID} when the configs below are served. */
    public static final long L2_CHAIN_ID = LocalKeys.L2_CHAIN_ID;
    /** L2 chain config JSON ({@code params.ChainConfig}, an op-geth genesis file's {@code config}). */
    public static final long L2_CHAIN_CONFIG = 6;
    /** Rollup config JSON ({@code rollup.Config}). */
    public static final long ROLLUP_CONFIG = 7;
    /** L1 chain config JSON. */
    public static final long L1_CHAIN_CONFIG = 9;

    private OpProgram() {}
  }

  /**
   * op-program interop: the single-chain map with 2 to 4 read as the pre-state, post-state and the game's
   * timestamp, 5 always {@link LocalKeys#CUSTOM_CHAIN_ID}, 6 and 7 JSON arrays (one entry per chain), plus 8.
   */
  public static final class OpProgramInterop {
    public static final long L1_HEAD = LocalKeys.L1_HEAD;
    public static final long AGREED_PRESTATE = LocalKeys.L2_OUTPUT_ROOT;
    public static final long CLAIMED_POST_STATE = LocalKeys.L2_CLAIM;
    public static final long CLAIMED_TIMESTAMP = LocalKeys.L2_CLAIM_BLOCK_NUMBER;
    public static final long L2_CHAIN_ID = LocalKeys.L2_CHAIN_ID;
    public static final long L2_CHAIN_CONFIGS = OpProgram.L2_CHAIN_CONFIG;
    public static final long ROLLUP_CONFIGS = OpProgram.ROLLUP_CONFIG;
    public static final long DEPENDENCY_SET = LocalKeys.DEPENDENCY_SET;
    public static final long L1_CHAIN_CONFIG = OpProgram.L1_CHAIN_CONFIG;

    private OpProgramInterop() {}
  }
}
