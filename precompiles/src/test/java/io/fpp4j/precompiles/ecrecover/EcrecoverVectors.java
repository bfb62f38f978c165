package io.fpp4j.precompiles.ecrecover;

/** Data from go-ethereum's core/vm/testdata/precompiles/ecRecover.json, shared with the host's tests. */
public final class EcrecoverVectors {
  /** The "ValidKey" vector: hash ‖ v = 28 ‖ r ‖ s. */
  public static final String GETH_VALID_KEY_INPUT = "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
      + "000000000000000000000000000000000000000000000000000000000000001c"
      + "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
      + "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
  /** Its signer, left-padded to 32 bytes. */
  public static final String GETH_VALID_KEY_OUTPUT = "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

  private EcrecoverVectors() {}
}
