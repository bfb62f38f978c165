package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;

/** Receives the entries of a {@link KeyValueStore#forEach} walk. */
@FunctionalInterface
public interface EntryVisitor {
  /** One entry; {@code value} belongs to the visitor. */
  void entry(Bytes32 key, byte[] value);

  /**
   * Something in the store that should be an entry but cannot be read. The default throws, so that a
   * conversion never drops data without saying so; {@code verify} overrides it to report and go on.
   */
  default void unreadable(UnreadableEntry entry) {
    throw entry.toException();
  }
}
