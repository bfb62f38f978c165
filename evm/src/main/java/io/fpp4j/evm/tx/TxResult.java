package io.fpp4j.evm.tx;

import io.fpp4j.evm.CallResult;
import io.fpp4j.evm.HaltReason;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.receipt.Log;
import java.util.List;

/**
 * The outcome of an included transaction.
 *
 * @param gasUsed gas charged to the sender, after the refund
 * @param refund the refund granted (already subtracted from gasUsed)
 * @param created the new contract's address for a successful creation, else {@code null}
 * @param halt why execution halted exceptionally, else {@code null}
 */
public record TxResult(CallResult.Status status, long gasUsed, long refund, List<Log> logs, byte[] output,
    Address created, HaltReason halt) {
  public TxResult {
    logs = List.copyOf(logs);
  }

  public boolean isSuccess() {
    return status == CallResult.Status.SUCCESS;
  }
}
