package io.fpp4j.preimage;

/** The host announced a preimage length other than the caller's buffer length. */
public class BufferLengthMismatchException extends PreimageProtocolException {
  public BufferLengthMismatchException(String message) {
    super(message);
  }

  public BufferLengthMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
