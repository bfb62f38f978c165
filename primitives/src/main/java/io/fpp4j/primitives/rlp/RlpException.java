package io.fpp4j.primitives.rlp;

/**
 * Input that is not canonical RLP, or RLP of the wrong shape for what was being decoded. The message
 * names the byte offset (counted from the start of the decoded input) and the reason.
 */
public final class RlpException extends IllegalArgumentException {
  private final int offset;

  public RlpException(int offset, String reason) {
    super("RLP error at byte offset " + offset + ": " + reason);
    this.offset = offset;
  }

  /** Byte offset of the offending item, counted from the start of the decoded input. */
  public int offset() {
    return offset;
  }
}
