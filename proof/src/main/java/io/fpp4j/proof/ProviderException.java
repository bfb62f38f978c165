package io.fpp4j.proof;

/**
 * Data read through the oracle that a provider cannot use: a preimage that does not decode, does not match
 * the hash that named it, or answers with a failure (Kona's {@code OracleProviderError}). A fault-proof
 * program cannot recover from these, so they end it with exit code 2.
 */
public class ProviderException extends RuntimeException {
  public ProviderException(String message) {
    super(message);
  }

  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
