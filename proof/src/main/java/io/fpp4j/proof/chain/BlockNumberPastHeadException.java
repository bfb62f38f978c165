package io.fpp4j.proof.chain;

import io.fpp4j.proof.ProviderException;

/** A block was asked for by a number above the head the provider walks back from. */
public class BlockNumberPastHeadException extends ProviderException {
  private final long requested;
  private final long head;

  public BlockNumberPastHeadException(long requested, long head) {
    super("block number " + Long.toUnsignedString(requested) + " is past the head block " + Long.toUnsignedString(head));
    this.requested = requested;
    this.head = head;
  }

  public long requested() {
    return requested;
  }

  public long head() {
    return head;
  }
}
