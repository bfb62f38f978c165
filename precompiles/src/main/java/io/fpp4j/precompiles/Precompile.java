package io.fpp4j.precompiles;

/**
 * One EVM precompile: a pure function of its input, with a gas cost that depends on the input alone.
 *
 * <p>Two callers use it. The EVM charges {@link #gas} first and runs the precompile only if the call carries
 * that much gas; the host's {@code l1-precompile} hint handler runs it for a client and ignores the gas, which
 * only the on-chain oracle checks.
 */
public interface Precompile {
  /** A short name for messages, such as {@code ecrecover}. */
  String name();

  /**
   * The gas this call costs. Never negative; a cost too large for a {@code long} is reported as
   * {@link Long#MAX_VALUE}, which no call can pay, so that a huge declared length never wraps around.
   */
  long gas(byte[] input);

  /**
   * Runs the precompile on {@code input}.
   *
   * @return the return data of a successful call
   * @throws PrecompileFailure if the call fails; the EVM then consumes all the gas given to the call
   */
  byte[] run(byte[] input) throws PrecompileFailure;
}
