package io.fpp4j.client;

/** Bad data or inputs that stop the program before it reaches a verdict (exit 2, never a verdict). */
public class ClientException extends RuntimeException {
  public ClientException(String message) {
    super(message);
  }

  public ClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
