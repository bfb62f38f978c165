package io.fpp4j.host.serve;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;

/**
 * The host could not obtain a preimage: the message names the key, the hints tried and the last error. Public
 * because it leaves the package as a run's host failure ({@code RunOutcome.hostFailure()}).
 */
public class PreimageUnavailableException extends KeyNotFoundException {
  private final PreimageKey key;

  PreimageUnavailableException(PreimageKey key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  public PreimageKey key() {
    return key;
  }
}
