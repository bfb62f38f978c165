package io.fpp4j.host.store;

import io.fpp4j.preimage.PreimageKey;
import java.util.Optional;

/**
 * A key-value store of preimages under their full 32-byte typed keys (kona-host {@code KeyValueStore},
 * op-program {@code KV}). Implementations: in memory, op-program's {@code directory} and {@code file}
 * layouts, Kona's RocksDB, and adapters. Every implementation passes the same contract test suite.
 */
public interface PreimageStore extends AutoCloseable {
  /** The value under {@code key}, if any. */
  Optional<byte[]> get(PreimageKey key);

  /** Stores {@code value} under {@code key}, replacing any earlier value; durable once this returns. */
  void put(PreimageKey key, byte[] value);

  /** A short description for logs and errors, such as {@code directory:/data/preimages}. */
  String describe();

  @Override
  default void close() {}
}
