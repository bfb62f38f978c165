package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes32;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** The contract, plus kona-host's on-disk bytes: raw 32-byte keys, raw values, Snappy, the marker. */
class RocksDbPreimageStoreTest extends PreimageStoreContract {
  static final Bytes32 KEY = DirectoryPreimageStoreTest.KEY;

  @Override
  KeyValueStore open(Path dir) {
    return RocksDbPreimageStore.open(dir);
  }

  @Test
  void keysAndValuesAreRawBytesInTheDefaultColumnFamily() throws Exception {
    byte[] value = {0x00, (byte) 0xff, 0x10};
    store.putRaw(KEY, value);
    store.close();
    try (Options o = new Options(); RocksDB db = RocksDB.openReadOnly(o, dir.toString())) {
      assertThat(db.get(KEY.toArray())).isEqualTo(value);
    }
    store = open(dir);
  }

  @Test
  void snappyCompressionAndTheMarker() throws IOException {
    assertThat(Files.readAllBytes(dir.resolve("kvformat"))).isEqualTo("rocksdb".getBytes(StandardCharsets.US_ASCII));
    try (Stream<Path> s = Files.list(dir)) {
      Path optionsFile = s.filter(p -> p.getFileName().toString().startsWith("OPTIONS-")).findFirst().orElseThrow();
      assertThat(Files.readString(optionsFile)).contains("compression=kSnappyCompression");
    }
  }

  @Test
  void closeDoesNotDestroyTheDatabase() {
    store.putRaw(KEY, new byte[] {1});
    store.close();
    assertThat(dir.resolve("CURRENT")).exists();
    store = open(dir);
    assertThat(store.getRaw(KEY)).isPresent();
  }

  @Test
  void readOnlyOpenWhileAWriterHoldsTheDatabase() {
    store.putRaw(KEY, new byte[] {1, 2});
    try (RocksDbPreimageStore ro = RocksDbPreimageStore.openReadOnly(dir)) {
      assertThat(ro.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2));
      assertThatThrownBy(() -> ro.putRaw(KEY, new byte[0])).isInstanceOf(StoreException.class)
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void secondWriterIsRefusedWithAClearError() {
    assertThatThrownBy(() -> RocksDbPreimageStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void readOnlyOpenOfSomethingElseNamesIt() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> RocksDbPreimageStore.openReadOnly(empty)).isInstanceOf(StoreException.class)
        .hasMessageContaining(empty.toString()).hasMessageContaining("CURRENT");
  }
}
