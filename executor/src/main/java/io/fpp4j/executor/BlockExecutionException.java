package io.fpp4j.executor;

/** A block cannot be built from its attributes: bad attributes or an invalid user transaction. */
public final class BlockExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockExecutionException(String message) {
    super(message);
  }

  public BlockExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
