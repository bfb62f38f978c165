package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import java.util.Optional;

/**
 * An entry that could not be decoded.
 *
 * @param key the key, when the location still tells it (a directory file with bad content does)
 * @param location where it sits: a file path, or a description of the database record
 * @param reason what is wrong with it
 */
public record UnreadableEntry(Optional<Bytes32> key, String location, String reason) {
  public String message() {
    return key.map(k -> "entry " + k + " at " + location).orElse(location) + ": " + reason;
  }

  public StoreException toException() {
    return new StoreException(message());
  }
}
