package io.fpp4j.proof.boot;

/** Boot data that is missing, of the wrong size, or names a chain the program has no config for. */
public class BootException extends RuntimeException {
  public BootException(String message) {
    super(message);
  }

  public BootException(String message, Throwable cause) {
    super(message, cause);
  }
}
