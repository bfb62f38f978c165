package io.fpp4j.proof.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.BufferLengthMismatchException;
import io.fpp4j.preimage.CachingOracle;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.proof.blob.Blob;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.blob.RootsOfUnity;
import io.fpp4j.proof.testing.MapOracle;
import io.fpp4j.proof.testing.PipeHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tests preimage's cache here, where a whole blob can be read through {@link BlobProvider}: the case its segments exist for. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CachingOracleTest {
  static byte[] value(int i, int size) {
    byte[] v = new byte[size];
    new Random(i).nextBytes(v);
    return v;
  }

  static Map<PreimageKey, byte[]> keccakEntries(int n, int size) {
    Map<PreimageKey, byte[]> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byte[] v = value(i, size);
      m.put(PreimageKey.keccak256Of(v), v);
    }
    return m;
  }

  /** Blob keys and the commitment, as a host stores them, for the zero-commitment blob. */
  static Map<PreimageKey, byte[]> blobEntries(byte[] commitment) {
    Map<PreimageKey, byte[]> m = new HashMap<>();
    m.put(PreimageKey.fromDigest(PreimageKeyType.SHA256, BlobProvider.versionedHash(commitment).toArray()), commitment);
    for (int i = 0; i < 4096; i++) m.put(PreimageKey.blob(commitment, RootsOfUnity.z(i)), new byte[32]);
    return m;
  }

  @Test
  void aWholeBlobDoesNotFlushTrieNodes() {
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    Map<PreimageKey, byte[]> store = keccakEntries(200, 512);
    store.putAll(blobEntries(commitment));
    MapOracle inner = new MapOracle(store);
    CachingOracle cache = new CachingOracle(inner, 1 << 20);
    List<PreimageKey> nodes = store.keySet().stream().filter(k -> k.type() == PreimageKeyType.KECCAK256).toList();
    for (PreimageKey k : nodes) cache.get(k);
    long before = inner.gets();
    assertThat(before).isEqualTo(200);

    Blob blob = new BlobProvider(cache).getBlob(BlobProvider.versionedHash(commitment), 1, 0);
    assertThat(blob.data().toArray()).isEqualTo(new byte[Blob.BYTES]);
    assertThat(inner.gets()).isEqualTo(before + 4097);

    for (PreimageKey k : nodes) assertThat(cache.get(k)).isEqualTo(store.get(k));
    assertThat(inner.gets()).as("every trie node survived the blob").isEqualTo(before + 4097);
    assertThat(cache.bytes()).isLessThanOrEqualTo(cache.maxBytes());
    // The blob segment (a quarter of 1 MiB) holds the most recent elements only.
    assertThat(cache.entries(PreimageKeyType.BLOB)).isEqualTo((1 << 18) / (32 + CachingOracle.ENTRY_OVERHEAD));
  }

  @Test
  void anEntryCountCacheOfKonasSizeWouldHaveLostThem() {
    // The contrast the byte budget exists for: 1,024 entries (Kona's ORACLE_LRU_SIZE), one shared LRU.
    java.util.LinkedHashMap<PreimageKey, byte[]> lru = new java.util.LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<PreimageKey, byte[]> eldest) {
        return size() > 1024;
      }
    };
    Map<PreimageKey, byte[]> nodes = keccakEntries(200, 512);
    lru.putAll(nodes);
    byte[] commitment = new byte[48];
    lru.putAll(blobEntries(commitment));
    assertThat(nodes.keySet()).noneMatch(lru::containsKey);
  }

  @Test
  void staysWithinItsByteBudgetAndEvictsLeastRecentlyUsed() {
    Map<PreimageKey, byte[]> store = keccakEntries(500, 1000);
    MapOracle inner = new MapOracle(store);
    CachingOracle cache = new CachingOracle(inner, 64 * 1024);
    List<PreimageKey> keys = new ArrayList<>(store.keySet());
    for (PreimageKey k : keys) {
      cache.get(k);
      assertThat(cache.bytes()).isLessThanOrEqualTo(cache.maxBytes());
    }
    int held = cache.entries(PreimageKeyType.KECCAK256);
    long general = 64 * 1024 - (long) (64 * 1024 * CachingOracle.BLOB_SHARE) - (long) (64 * 1024 * CachingOracle.PRECOMPILE_SHARE);
    assertThat(held).isEqualTo((int) (general / (1000 + CachingOracle.ENTRY_OVERHEAD)));
    long gets = inner.gets();
    for (PreimageKey k : keys.subList(keys.size() - held, keys.size())) cache.get(k);
    assertThat(inner.gets()).as("the most recent entries are hits").isEqualTo(gets);
    cache.get(keys.get(0));
    assertThat(inner.gets()).as("the oldest was evicted").isEqualTo(gets + 1);
  }

  @Test
  void anOversizedEntryPassesThroughWithoutFlushing() {
    byte[] big = value(1, 20_000);
    Map<PreimageKey, byte[]> store = keccakEntries(10, 100);
    store.put(PreimageKey.keccak256Of(big), big);
    MapOracle inner = new MapOracle(store);
    CachingOracle cache = new CachingOracle(inner, 64 * 1024); // general segment 44 KiB: a quarter is 11 KiB
    for (PreimageKey k : keccakEntries(10, 100).keySet()) cache.get(k);
    assertThat(cache.get(PreimageKey.keccak256Of(big))).isEqualTo(big);
    assertThat(cache.get(PreimageKey.keccak256Of(big))).isEqualTo(big);
    assertThat(inner.gets()).isEqualTo(12);
    assertThat(cache.entries(PreimageKeyType.KECCAK256)).isEqualTo(10);
  }

  @Test
  void hintsPassThroughEveryTimeInOrder() throws Exception {
    byte[] v = value(3, 64);
    PreimageKey k = PreimageKey.keccak256Of(v);
    try (PipeHost host = new PipeHost(Map.of(k, v))) {
      CachingOracle cache = new CachingOracle(host.client(), 1 << 20);
      cache.hint("l1-block-header 0x01");
      assertThat(cache.get(k)).isEqualTo(v);
      cache.hint("l1-block-header 0x01");
      byte[] buf = new byte[64];
      cache.getExact(k, buf);
      assertThat(buf).isEqualTo(v);
      assertThat(host.events()).containsExactly("hint l1-block-header 0x01", "get " + k, "hint l1-block-header 0x01");
      assertThat(cache.hits()).isEqualTo(1);
      assertThat(cache.misses()).isEqualTo(1);
      assertThatThrownBy(() -> cache.getExact(k, new byte[63])).isInstanceOf(BufferLengthMismatchException.class)
          .hasMessageContaining("is 64 bytes, but the caller's buffer is 63");
    }
  }

  @Test
  void returnedArraysAreCopies() {
    byte[] v = value(4, 32);
    PreimageKey k = PreimageKey.keccak256Of(v);
    CachingOracle cache = new CachingOracle(new MapOracle(Map.of(k, v)), 1 << 20);
    cache.get(k)[0] ^= 1;
    assertThat(cache.get(k)).isEqualTo(v);
    cache.flush();
    assertThat(cache.bytes()).isZero();
  }

  @Test
  void concurrentReadersGetTheRightValuesWithinTheBudget() throws Exception {
    Map<PreimageKey, byte[]> store = keccakEntries(2000, 200);
    List<PreimageKey> keys = new ArrayList<>(store.keySet());
    CachingOracle cache = new CachingOracle(new MapOracle(store), 128 * 1024);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          Random r = new Random(seed);
          int checked = 0;
          for (int i = 0; i < 5000; i++) {
            PreimageKey k = keys.get(r.nextInt(keys.size()));
            if (!java.util.Arrays.equals(cache.get(k), store.get(k))) throw new AssertionError("wrong value for " + k);
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> f : results) assertThat(f.get()).isEqualTo(5000);
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(cache.maxBytes());
    assertThat(cache.hits() + cache.misses()).isEqualTo(40_000);
  }

  @Test
  void rejectsATinyBudget() {
    assertThatThrownBy(() -> new CachingOracle(new MapOracle(Map.of()), 1000))
        .hasMessageContaining("at least 16 KiB, got 1000");
  }
}
