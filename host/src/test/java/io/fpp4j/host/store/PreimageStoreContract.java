package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one contract every store format passes (mirrors op-program's kv_test and kona-host's store tests, plus
 * what a host needs on top: raw marker keys, listing, batches, reopening, concurrent writers). A subclass
 * says how to open its format on a directory.
 */
@Timeout(60)
abstract class PreimageStoreContract {
  @TempDir Path dir;
  KeyValueStore store;

  /** Opens (creating if needed) a store of the format under test at {@code dir}. */
  abstract KeyValueStore open(Path dir);

  /** Whether data outlives {@link KeyValueStore#close} (not so for memory). */
  boolean persistent() {
    return true;
  }

  @BeforeEach
  void openStore() {
    store = open(dir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static Map<Bytes32, byte[]> listAll(KeyValueStore s) {
    Map<Bytes32, byte[]> out = new TreeMap<>();
    s.forEach((k, v) -> assertThat(out.put(k, v)).as("key %s listed twice", k).isNull());
    return out;
  }

  @Test
  void roundTripUnderTypedKey() {
    byte[] value = "hello preimage".getBytes();
    PreimageKey key = PreimageKey.keccak256Of(value);
    store.put(key, value);
    assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    assertThat(store.getRaw(Bytes32.wrap(key.bytes()))).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
  }

  @Test
  void emptyPreimage() {
    PreimageKey key = PreimageKey.keccak256Of(new byte[0]);
    store.put(key, new byte[0]);
    assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  @Test
  void zeroKey() {
    byte[] value = {1, 2, 3};
    store.putRaw(Bytes32.ZERO, value);
    assertThat(store.getRaw(Bytes32.ZERO)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    assertThat(listAll(store)).containsOnlyKeys(Bytes32.ZERO);
  }

  @Test
  void nonUtf8Value() {
    byte[] value = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, (byte) 0x80, 0x0a, 0x0d};
    Bytes32 key = Bytes32.keccak256(value);
    store.putRaw(key, value);
    assertThat(store.getRaw(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
  }

  @Test
  void allByteValuesSurvive() {
    byte[] value = new byte[256];
    for (int i = 0; i < 256; i++) value[i] = (byte) i;
    Bytes32 key = Bytes32.fromHex("0x" + "ab".repeat(32));
    store.putRaw(key, value);
    assertThat(store.getRaw(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
  }

  @Test
  void overwriteSameKey() {
    PreimageKey key = PreimageKey.local(7);
    store.put(key, new byte[] {1});
    store.put(key, new byte[] {2, 2});
    store.put(key, new byte[] {3, 3, 3});
    assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(v).containsExactly(3, 3, 3));
    assertThat(listAll(store)).hasSize(1);
  }

  @Test
  void largeValueOfOneMebibyte() {
    byte[] value = random(1 << 20, 1);
    PreimageKey key = PreimageKey.keccak256Of(value);
    store.put(key, value);
    assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
  }

  @Test
  void missingKey() {
    store.put(PreimageKey.keccak256Of(new byte[] {1}), new byte[] {1});
    assertThat(store.get(PreimageKey.keccak256Of(new byte[] {2}))).isEmpty();
    assertThat(store.getRaw(Bytes32.ZERO)).isEmpty();
  }

  @Test
  void rawKeysThatAreNotTypedPreimageKeys() {
    // op-program stores markers under keccak256("block_data" ‖ hash): byte 0 is whatever the hash gives.
    Bytes32 marker = Bytes32.fromHex("0xf1" + "00".repeat(30) + "01");
    store.putRaw(marker, new byte[] {9});
    assertThat(store.getRaw(marker)).hasValueSatisfying(v -> assertThat(v).containsExactly(9));
    assertThat(listAll(store)).containsOnlyKeys(marker);
  }

  @Test
  void valueIsCopiedInAndOut() {
    byte[] value = {1, 2, 3};
    Bytes32 key = Bytes32.keccak256(value);
    store.putRaw(key, value);
    value[0] = 42;
    store.getRaw(key).orElseThrow()[1] = 42;
    assertThat(store.getRaw(key)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
  }

  @Test
  void listsEveryEntryOnceWithItsValue() {
    Map<Bytes32, byte[]> expected = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      byte[] v = random(i * 7, i);
      expected.put(Bytes32.wrap(PreimageKey.keccak256Of(v).bytes()), v);
    }
    expected.put(Bytes32.wrap(PreimageKey.local(1).bytes()), new byte[] {1});
    expected.put(Bytes32.wrap(PreimageKey.sha256Of(new byte[] {5}).bytes()), new byte[] {5});
    expected.forEach(store::putRaw);
    Map<Bytes32, byte[]> listed = listAll(store);
    assertThat(listed).containsOnlyKeys(expected.keySet());
    expected.forEach((k, v) -> assertThat(listed.get(k)).as("value of %s", k).isEqualTo(v));
  }

  @Test
  void batchPut() {
    Map<Bytes32, byte[]> batch = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      byte[] v = random(33, i);
      batch.put(Bytes32.keccak256(v), v);
    }
    store.putAllRaw(batch);
    batch.forEach((k, v) -> assertThat(store.getRaw(k)).hasValueSatisfying(got -> assertThat(got).isEqualTo(v)));
  }

  @Test
  void reopenAfterCloseKeepsData() {
    assumeTrue(persistent(), "this store keeps nothing after close");
    byte[] big = random(300_000, 3);
    Map<PreimageKey, byte[]> written = new LinkedHashMap<>();
    written.put(PreimageKey.keccak256Of(big), big);
    written.put(PreimageKey.keccak256Of(new byte[0]), new byte[0]);
    written.put(PreimageKey.local(2), new byte[] {7});
    written.forEach(store::put);
    store.close();
    store = open(dir);
    written.forEach((k, v) -> assertThat(store.get(k)).as("%s after reopen", k)
        .hasValueSatisfying(got -> assertThat(got).isEqualTo(v)));
    assertThat(listAll(store)).hasSize(written.size());
  }

  @Test
  void closedStoreRefusesUse() {
    assumeTrue(persistent(), "closing a memory store is a no-op");
    store.close();
    assertThatThrownBy(() -> store.getRaw(Bytes32.ZERO)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> store.putRaw(Bytes32.ZERO, new byte[1])).isInstanceOf(StoreException.class);
    store.close(); // idempotent
  }

  @Test
  @Timeout(60)
  void concurrentPutsFromTwoThreads() throws Exception {
    int perThread = 300;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Map<Bytes32, byte[]>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < 2; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          Map<Bytes32, byte[]> mine = new LinkedHashMap<>();
          start.await();
          for (int i = 0; i < perThread; i++) {
            byte[] v = random(1 + (i % 97) * 31, thread * 100_000L + i);
            Bytes32 k = Bytes32.wrap(PreimageKey.keccak256Of(v).bytes());
            store.putRaw(k, v);
            mine.put(k, v);
            // Both threads also hammer one shared key with the same value: last writer wins, never a mix.
            store.putRaw(Bytes32.ZERO, Hex.decode("c0ffee"));
          }
          return mine;
        }));
      }
      start.countDown();
      Map<Bytes32, byte[]> all = new TreeMap<>();
      for (Future<Map<Bytes32, byte[]>> f : results) all.putAll(f.get(50, TimeUnit.SECONDS));
      assertThat(all).hasSize(2 * perThread);
      all.forEach((k, v) -> assertThat(store.getRaw(k)).as("%s", k).hasValueSatisfying(got -> assertThat(got).isEqualTo(v)));
      assertThat(store.getRaw(Bytes32.ZERO)).hasValueSatisfying(v -> assertThat(v).isEqualTo(Hex.decode("c0ffee")));
      assertThat(listAll(store)).hasSize(2 * perThread + 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
