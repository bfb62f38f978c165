package io.fpp4j.preimage;

/** The server (or a store) has no preimage for a key. */
public class KeyNotFoundException extends PreimageOracleException {
  public KeyNotFoundException(String message) {
    super(message);
  }

  public KeyNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
