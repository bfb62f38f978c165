package io.fpp4j.evm.state;

/**
 * A stateless state could not read what execution asked for: a trie node or code missing or malformed.
 * The message names the account or slot being read and the node or code hash that failed.
 */
public final class StateReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateReadException(String message, Throwable cause) {
    super(message, cause);
  }

  public StateReadException(String message) {
    super(message);
  }
}
