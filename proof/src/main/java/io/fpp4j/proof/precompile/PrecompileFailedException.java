package io.fpp4j.proof.precompile;

import io.fpp4j.proof.ProviderException;

/**
 * The host ran the precompile and it failed: the result's status byte is 0. This is an answer, not a
 * broken host: an EVM treats it as a failed call (Kona's {@code "Error executing precompile in host"}).
 */
public class PrecompileFailedException extends ProviderException {
  public PrecompileFailedException(String message) {
    super(message);
  }
}
