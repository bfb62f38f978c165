package io.fpp4j.preimage;

import java.io.EOFException;

/** End of stream inside a {@link Channel#readFully}; {@link #received()} is 0 when it came before any byte. */
public final class TruncatedReadException extends EOFException {
  private final int received;
  private final int expected;

  public TruncatedReadException(int received, int expected) {
    super("end of stream after " + received + " of " + expected + " bytes");
    this.received = received;
    this.expected = expected;
  }

  public int received() {
    return received;
  }

  public int expected() {
    return expected;
  }
}
