package io.fpp4j.host.store;

/** A store could not be opened, read or written; the message names the store and the key or file. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
