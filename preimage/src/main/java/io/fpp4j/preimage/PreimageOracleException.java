package io.fpp4j.preimage;

/**
 * Base of every failure of the preimage oracle ABI. Unchecked because a fault-proof program cannot
 * recover from a missing or broken preimage: op-preimage panics and Kona aborts the program, and callers
 * deep in a provider should not have to thread a checked exception through every trie walk.
 */
public class PreimageOracleException extends RuntimeException {
  public PreimageOracleException(String message) {
    super(message);
  }

  public PreimageOracleException(String message, Throwable cause) {
    super(message, cause);
  }
}
