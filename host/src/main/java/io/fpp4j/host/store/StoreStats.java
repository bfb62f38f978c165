package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import java.util.EnumMap;
import java.util.Map;

/** Entries and value bytes per {@link KeyCategory} of a store. */
public record StoreStats(String format, Map<KeyCategory, Long> entries, Map<KeyCategory, Long> valueBytes, long unreadable) {
  /** Walks {@code store} once; unreadable entries are counted, not fatal. */
  public static StoreStats of(KeyValueStore store) {
    Map<KeyCategory, Long> entries = new EnumMap<>(KeyCategory.class);
    Map<KeyCategory, Long> bytes = new EnumMap<>(KeyCategory.class);
    for (KeyCategory c : KeyCategory.values()) {
      entries.put(c, 0L);
      bytes.put(c, 0L);
    }
    long[] unreadable = new long[1];
    store.forEach(new EntryVisitor() {
      @Override
      public void entry(Bytes32 key, byte[] value) {
        KeyCategory c = KeyCategory.of(key);
        entries.merge(c, 1L, Long::sum);
        bytes.merge(c, (long) value.length, Long::sum);
      }

      @Override
      public void unreadable(UnreadableEntry entry) {
        unreadable[0]++;
      }
    });
    return new StoreStats(store.format(), Map.copyOf(entries), Map.copyOf(bytes), unreadable[0]);
  }

  public long totalEntries() {
    return entries.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalValueBytes() {
    return valueBytes.values().stream().mapToLong(Long::longValue).sum();
  }
}
