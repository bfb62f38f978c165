package io.fpp4j.proof.output;

import io.fpp4j.proof.ProviderException;

/** An output root preimage whose first 32 bytes (the version) are not zero, the only version defined. */
public class UnknownOutputVersionException extends ProviderException {
  public UnknownOutputVersionException(String message) {
    super(message);
  }
}
