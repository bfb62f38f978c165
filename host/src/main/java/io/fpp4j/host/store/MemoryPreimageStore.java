package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Preimages in a map (op-program {@code MemKV}, kona-host {@code MemoryKeyValueStore}); used when no data
 * directory is given. Values are copied in and out, so callers cannot alter stored data. Sorted, so that
 * listings come out in key order like the disk formats'.
 */
public final class MemoryPreimageStore implements KeyValueStore {
  private final Map<Bytes32, byte[]> entries = new ConcurrentSkipListMap<>();

  @Override
  public Optional<byte[]> getRaw(Bytes32 key) {
    byte[] v = entries.get(key);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  @Override
  public void putRaw(Bytes32 key, byte[] value) {
    entries.put(key, value.clone());
  }

  @Override
  public void forEach(EntryVisitor visitor) {
    entries.forEach((k, v) -> visitor.entry(k, v.clone()));
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  @Override
  public String format() {
    return "memory";
  }

  @Override
  public String describe() {
    return "memory";
  }
}
