package io.fpp4j.evm;

/**
 * Thrown inside the interpreter to end a frame exceptionally. One preallocated instance per reason and
 * no stack trace: halts are ordinary EVM outcomes (out-of-gas is common), not bugs, and must be cheap.
 */
final class EvmHalt extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final EvmHalt[] BY_REASON = new EvmHalt[HaltReason.values().length];

  static {
    for (HaltReason r : HaltReason.values()) BY_REASON[r.ordinal()] = new EvmHalt(r);
  }

  final HaltReason reason;

  private EvmHalt(HaltReason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  static EvmHalt of(HaltReason r) {
    return BY_REASON[r.ordinal()];
  }
}
