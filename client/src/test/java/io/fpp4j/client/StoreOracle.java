package io.fpp4j.client;

import io.fpp4j.preimage.BufferLengthMismatchException;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hex;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process host of the tests: local keys from a map, every other key from a prepared data directory (op-program's
 * {@code directory} format), keys in {@link #withheld} answered as missing, keys in {@link #replaced} answered with the
 * test's bytes. Hints are counted, not acted on, as the
 * offline host ignores them.
 */
final class StoreOracle implements OracleClient {
  private final Path dataDir;
  private final Map<Long, byte[]> localKeys;
  final Set<PreimageKey> withheld = new HashSet<>();
  final Map<PreimageKey, byte[]> replaced = new HashMap<>();
  final AtomicLong hints = new AtomicLong();
  final AtomicLong reads = new AtomicLong();

  StoreOracle(Path dataDir, Map<Long, byte[]> localKeys) {
    this.dataDir = dataDir;
    this.localKeys = new HashMap<>(localKeys);
  }

  /** Local keys from a local-keys JSON file ({"1": "0x…", …}), as fpp4j's host reads them. */
  static Map<Long, byte[]> localKeys(Path json) {
    try {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
      Map<Long, byte[]> keys = new HashMap<>();
      node.fields().forEachRemaining(e -> keys.put(Long.parseLong(e.getKey()), Hex.decode(e.getValue().asText())));
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] get(PreimageKey key) {
    reads.incrementAndGet();
    if (withheld.contains(key)) throw new KeyNotFoundException("no preimage for key " + key + " (withheld by the test)");
    if (replaced.containsKey(key)) return replaced.get(key).clone();
    if (key.type() == PreimageKeyType.LOCAL) {
      byte[] v = localKeys.get(key.localIndex());
      if (v == null) throw new KeyNotFoundException("no local key " + key.localIndex());
      return v.clone();
    }
    try {
      byte[] v = DevnetFixture.read(dataDir, key);
      if (v == null) throw new KeyNotFoundException("no preimage for key " + key + " in " + dataDir);
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void getExact(PreimageKey key, byte[] buf) {
    byte[] v = get(key);
    if (v.length != buf.length) throw new BufferLengthMismatchException("preimage " + key + " is " + v.length + " bytes, buffer " + buf.length);
    System.arraycopy(v, 0, buf, 0, v.length);
  }

  @Override
  public void hint(String hint) {
    hints.incrementAndGet();
  }
}
