package io.fpp4j.derive;

/**
 * Input that the derivation specification says to drop: a malformed blob, frame, channel or batch. The pipeline
 * catches it, drops the offending item and goes on; the message names what was wrong.
 */
public class DerivationException extends RuntimeException {
  public DerivationException(String message) {
    super(message);
  }

  public DerivationException(String message, Throwable cause) {
    super(message, cause);
  }
}
