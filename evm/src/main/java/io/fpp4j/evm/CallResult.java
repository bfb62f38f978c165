package io.fpp4j.evm;

import io.fpp4j.primitives.Address;

/**
 * How a message call or creation ended.
 *
 * @param gasLeft gas returned to the caller (0 after a halt)
 * @param output return data (REVERT's reason after a revert; empty after a halt)
 * @param created the new contract's address after a successful creation, else {@code null}
 * @param halt the reason for {@link Status#HALT}, else {@code null}
 */
public record CallResult(Status status, long gasLeft, byte[] output, Address created, HaltReason halt) {
  public enum Status { SUCCESS, REVERT, HALT }

  static final byte[] NO_OUTPUT = new byte[0];

  static CallResult success(long gasLeft, byte[] output) {
    return new CallResult(Status.SUCCESS, gasLeft, output, null, null);
  }

  static CallResult revert(long gasLeft, byte[] output) {
    return new CallResult(Status.REVERT, gasLeft, output, null, null);
  }

  static CallResult halt(HaltReason r) {
    return new CallResult(Status.HALT, 0, NO_OUTPUT, null, r);
  }

  /**
   * A call that never started (depth limit, insufficient balance, nonce overflow): the caller gets its gas
   * back and sees failure, but nothing was consumed.
   */
  static CallResult notStarted(long gasLeft, HaltReason r) {
    return new CallResult(Status.REVERT, gasLeft, NO_OUTPUT, null, r);
  }

  public boolean isSuccess() {
    return status == Status.SUCCESS;
  }
}
