package io.fpp4j.host.store;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PreimageStore} that can also be addressed by raw 32-byte keys and listed. Raw keys matter because
 * real stores hold more than typed preimage keys: op-program keeps marker entries under
 * {@code keccak256("block_data" ‖ hash)}, whose byte 0 is arbitrary, and untyped keccak stores have no type
 * byte at all. {@code convert}, {@code verify} and {@code stats} must carry such entries over byte for byte.
 */
public interface KeyValueStore extends PreimageStore {
  /** The value under the raw key, if any. */
  Optional<byte[]> getRaw(Bytes32 key);

  /** Stores {@code value} under the raw key, replacing any earlier value. */
  void putRaw(Bytes32 key, byte[] value);

  /** Stores several entries; formats with a native batch write them in one go. */
  default void putAllRaw(Map<Bytes32, byte[]> entries) {
    entries.forEach(this::putRaw);
  }

  /**
   * Calls {@code visitor} for every entry. Entries that cannot be decoded (a malformed file name, content
   * that is not hex, a key that is not 32 bytes) go to {@link EntryVisitor#unreadable}, whose default throws,
   * so that nothing is skipped silently. Temporary files of interrupted writes are not entries and are
   * skipped.
   */
  void forEach(EntryVisitor visitor);

  /** The on-disk format, or a short name such as {@code memory} for stores that have none. */
  String format();

  @Override
  default Optional<byte[]> get(PreimageKey key) {
    return getRaw(Bytes32.wrap(key.bytes()));
  }

  @Override
  default void put(PreimageKey key, byte[] value) {
    putRaw(Bytes32.wrap(key.bytes()), value);
  }
}
