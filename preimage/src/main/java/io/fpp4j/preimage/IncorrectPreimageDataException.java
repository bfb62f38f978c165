package io.fpp4j.preimage;

/** A preimage whose hash does not match its keccak-256 or sha-256 key, or is empty. */
public class IncorrectPreimageDataException extends PreimageProtocolException {
  public IncorrectPreimageDataException(String message) {
    super(message);
  }

  public IncorrectPreimageDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
