package io.fpp4j.host.serve;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;

/** The host could not obtain a preimage: the message names the key, the hints tried and the last error. */
public class PreimageUnavailableException extends KeyNotFoundException {
  private final PreimageKey key;

  public PreimageUnavailableException(PreimageKey key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  public PreimageKey key() {
    return key;
  }
}
