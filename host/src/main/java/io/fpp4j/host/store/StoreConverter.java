package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies every entry of one store into another under the same raw key, byte for byte, in batches (RocksDB
 * writes a batch atomically). An entry the source cannot read stops the copy with an error naming it:
 * a conversion must not drop data quietly.
 */
public final class StoreConverter {
  private static final int BATCH_ENTRIES = 1024;
  private static final long BATCH_BYTES = 32L << 20;

  private StoreConverter() {}

  public record Result(long entries, long valueBytes) {}

  public static Result copy(KeyValueStore from, KeyValueStore to) {
    Map<Bytes32, byte[]> batch = new LinkedHashMap<>();
    long[] totals = new long[2];
    long[] batchBytes = new long[1];
    from.forEach((key, value) -> {
      batch.put(key, value);
      totals[0]++;
      totals[1] += value.length;
      batchBytes[0] += value.length;
      if (batch.size() >= BATCH_ENTRIES || batchBytes[0] >= BATCH_BYTES) {
        to.putAllRaw(batch);
        batch.clear();
        batchBytes[0] = 0;
      }
    });
    if (!batch.isEmpty()) to.putAllRaw(batch);
    return new Result(totals[0], totals[1]);
  }
}
