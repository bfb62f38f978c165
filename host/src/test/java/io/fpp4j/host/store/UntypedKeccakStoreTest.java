package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.preimage.VerifyingPreimageFetcher;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(120)
class UntypedKeccakStoreTest {
  @TempDir Path tmp;

  /**
   * Block 26208927 keeps part of its data in an SST file, the others only in the write-ahead log. Its log holds
   * 2,351 puts of 2,338 distinct keys and the SST file holds no others, so 2,338 is its exact count.
   */
  @ParameterizedTest(name = "block {0}")
  @CsvSource({"26207960, 300", "26208927, 2338", "26211680, 2000"})
  void servesEveryFixtureValueUnderItsTypedKeccakKey(long block, int atLeast) throws Exception {
    Path kv = Fixtures.extractExecutorKv(block, tmp);
    Map<Bytes32, byte[]> raw = new TreeMap<>();
    try (RocksDbPreimageStore db = RocksDbPreimageStore.openReadOnly(kv)) {
      db.forEach(raw::put);
    }
    assertThat(raw.size()).as("entries in block %d", block).isGreaterThanOrEqualTo(atLeast);
    raw.forEach((k, v) -> assertThat(Hashing.keccak256(v)).as("fixture key %s is keccak256 of its value", k)
        .isEqualTo(k.toArray()));

    try (UntypedKeccakStore store = UntypedKeccakStore.over(RocksDbPreimageStore.openReadOnly(kv))) {
      assertThat(store.size()).isEqualTo(raw.size());
      int[] served = new int[1];
      raw.forEach((h, v) -> {
        PreimageKey key = PreimageKey.fromDigest(PreimageKeyType.KECCAK256, h.toArray());
        byte[] got = store.get(key).orElseThrow(() -> new AssertionError("no value served for " + key));
        assertThat(got).isEqualTo(v);
        assertThatCode(() -> VerifyingPreimageFetcher.verify(key, got)).doesNotThrowAnyException();
        // The same body under another type is not a keccak preimage and must not be served.
        assertThat(store.get(PreimageKey.fromDigest(PreimageKeyType.SHA256, h.toArray()))).isEmpty();
        served[0]++;
      });
      assertThat(served[0]).isEqualTo(raw.size());
      assertThat(store.get(PreimageKey.keccak256Of("not in the fixture".getBytes()))).isEmpty();
    }
  }

  @Test
  void aValueThatNoLongerHashesToItsKeyIsAnErrorNamingTheKey() {
    MemoryPreimageStore raw = new MemoryPreimageStore();
    byte[] good = {1, 2, 3};
    Bytes32 h = Bytes32.keccak256(good);
    raw.putRaw(h, new byte[] {1, 2, 4});
    UntypedKeccakStore store = UntypedKeccakStore.over(raw);
    PreimageKey key = PreimageKey.keccak256Of(good);
    assertThatThrownBy(() -> store.get(key)).isInstanceOf(StoreException.class).hasMessageContaining(h.toHex())
        .hasMessageContaining(key.hex()).hasMessageContaining("corrupt");
  }

  @Test
  void putsKeccakPreimagesUnderTheFullHashAndRefusesTheRest() {
    MemoryPreimageStore raw = new MemoryPreimageStore();
    UntypedKeccakStore store = UntypedKeccakStore.over(raw);
    byte[] v = {9, 9};
    store.put(PreimageKey.keccak256Of(v), v);
    assertThat(raw.getRaw(Bytes32.keccak256(v))).hasValueSatisfying(x -> assertThat(x).isEqualTo(v));
    assertThat(store.get(PreimageKey.keccak256Of(v))).hasValueSatisfying(x -> assertThat(x).isEqualTo(v));
    assertThatThrownBy(() -> store.put(PreimageKey.keccak256Of(new byte[] {1}), v)).isInstanceOf(StoreException.class)
        .hasMessageContaining("keccak256 of the 2-byte value");
    assertThatThrownBy(() -> store.put(PreimageKey.local(1), v)).isInstanceOf(StoreException.class)
        .hasMessageContaining(PreimageKey.local(1).hex());
  }

  @Test
  void aStoreWhoseKeysCollideOnTheBodyIsNotAnUntypedKeccakStore() {
    MemoryPreimageStore raw = new MemoryPreimageStore();
    byte[] k = Bytes32.keccak256(new byte[] {1}).toArray();
    raw.putRaw(Bytes32.wrap(k), new byte[] {1});
    k[0] ^= 1;
    raw.putRaw(Bytes32.wrap(k), new byte[] {2});
    assertThatThrownBy(() -> UntypedKeccakStore.over(raw)).isInstanceOf(StoreException.class)
        .hasMessageContaining("not an untyped keccak store");
  }

  @Test
  void listsEntriesUnderTypedKeys() {
    MemoryPreimageStore raw = new MemoryPreimageStore();
    byte[] v = {4};
    raw.putRaw(Bytes32.keccak256(v), v);
    Map<Bytes32, byte[]> listed = new TreeMap<>();
    UntypedKeccakStore.over(raw).forEach(listed::put);
    assertThat(listed).containsOnlyKeys(Bytes32.wrap(PreimageKey.keccak256Of(v).bytes()));
  }
}
