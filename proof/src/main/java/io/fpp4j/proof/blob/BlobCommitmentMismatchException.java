package io.fpp4j.proof.blob;

import io.fpp4j.proof.ProviderException;

/** The commitment served under a versioned hash does not hash to it (or the versioned hash is not KZG). */
public class BlobCommitmentMismatchException extends ProviderException {
  public BlobCommitmentMismatchException(String message) {
    super(message);
  }
}
