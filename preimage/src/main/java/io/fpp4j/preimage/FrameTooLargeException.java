package io.fpp4j.preimage;

/** A length prefix over the configured limit; refused before anything is allocated. */
public class FrameTooLargeException extends PreimageProtocolException {
  public FrameTooLargeException(String message) {
    super(message);
  }

  public FrameTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
