package io.fpp4j.preimage;

/** A key that is not 32 bytes or whose type byte is not 1..6. */
public class InvalidPreimageKeyException extends PreimageProtocolException {
  public InvalidPreimageKeyException(String message) {
    super(message);
  }

  public InvalidPreimageKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
