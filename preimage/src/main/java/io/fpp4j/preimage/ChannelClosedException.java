package io.fpp4j.preimage;

/** The peer closed the channel, before a frame (clean) or inside one (truncated). */
public class ChannelClosedException extends PreimageChannelException {
  public ChannelClosedException(String message) {
    super(message);
  }

  public ChannelClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
