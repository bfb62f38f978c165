package io.fpp4j.executor;

import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Receipt;
import java.util.List;
import java.util.Objects;

/** The sealed block's header and its transactions' receipts, in order. */
public record ExecutionResult(Header header, List<Receipt> receipts) {
  public ExecutionResult {
    Objects.requireNonNull(header, "header");
    receipts = List.copyOf(receipts);
  }
}
