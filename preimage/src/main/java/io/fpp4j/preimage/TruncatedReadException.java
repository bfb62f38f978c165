package io.fpp4j.preimage;

/**
 * End of stream inside a {@link Channel#readFully}; {@link #received()} is 0 when it came before any byte.
 * A {@link ChannelClosedException} rather than an {@link java.io.EOFException}, so the end of a channel is
 * reported through the one unchecked family of the oracle API (see {@link PreimageOracleException}).
 */
public final class TruncatedReadException extends ChannelClosedException {
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
