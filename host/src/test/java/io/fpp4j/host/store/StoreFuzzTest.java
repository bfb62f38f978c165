package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The preimage stores reading data directories written by other tools (op-program's directory and file
 * formats, Kona's RocksDB): fuzz bytes are written as entries, then read back by key and by a walk.
 * Inputs live under {@code src/test/resources/io/fpp4j/host/store/StoreFuzzTestInputs/<method>/}.
 *
 * <p>Every problem must surface as a {@link StoreException} or an {@link UnreadableEntry} that names the
 * entry; what a lookup returns and what a walk returns must agree.
 */
class StoreFuzzTest {
  static final Bytes32 KEY = Bytes32.fromHex("0x02" + "ab".repeat(31));
  /** Names are drawn from this alphabet: the characters entry names use, and a few that they must not. */
  static final String NAME_CHARS = "0123456789abcdefABCDEFtx._-";

  static Path freshDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name of up to 70 characters of {@link #NAME_CHARS}, taken from the input's leading bytes. */
  static String name(byte[] data, int from, int len) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < from + len && i < data.length; i++) b.append(NAME_CHARS.charAt((data[i] & 0xff) % NAME_CHARS.length()));
    String s = b.toString();
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "x" : s;
  }

  /** Walks {@code store}, keeping entries and unreadable reports, and checks they agree with lookups. */
  static void walkAgreesWithLookups(KeyValueStore store) {
    Map<Bytes32, byte[]> entries = new HashMap<>();
    List<UnreadableEntry> unreadable = new ArrayList<>();
    store.forEach(new EntryVisitor() {
      @Override
      public void entry(Bytes32 key, byte[] value) {
        assertThat(entries.put(key, value)).as("key %s walked twice", key).isNull();
      }

      @Override
      public void unreadable(UnreadableEntry entry) {
        assertThat(entry.location()).isNotBlank();
        assertThat(entry.message()).isNotBlank();
        unreadable.add(entry);
      }
    });
    entries.forEach((k, v) -> assertThat(store.getRaw(k)).hasValueSatisfying(got -> assertThat(got).isEqualTo(v)));
    for (UnreadableEntry u : unreadable) {
      if (u.key().isEmpty()) continue;
      try {
        store.getRaw(u.key().get());
        throw new AssertionError("walk reported " + u.message() + " but the lookup succeeded");
      } catch (StoreException e) {
        assertThat(e.getMessage()).contains(u.key().get().toString());
      }
    }
  }

  /** The entry content at {@link #KEY}: its value re-encodes to the content (up to hex case), or is refused. */
  static void contentRoundTrips(HexFileStore store, byte[] content) {
    Optional<byte[]> value;
    try {
      value = store.getRaw(KEY);
    } catch (StoreException e) {
      assertThat(e.getMessage()).contains(KEY.toString());
      return;
    }
    assertThat(value).isPresent();
    assertThat(new String(HexContent.encode(value.get()), StandardCharsets.US_ASCII))
        .isEqualToIgnoringCase(new String(content, StandardCharsets.ISO_8859_1));
  }

  /**
   * The first byte splits the input: the low bits give the length of a stray name written beside the
   * entry, the rest is the entry's content.
   */
  static void fuzzHexStore(byte[] data, boolean directoryFormat) throws IOException {
    Path dir = freshDir("fpp4j-fuzz-store");
    try {
      HexFileStore store = directoryFormat ? DirectoryPreimageStore.open(dir) : FilePreimageStore.open(dir);
      int nameLen = data.length == 0 ? 0 : (data[0] & 0x7f) % 72;
      String stray = name(data, 1, nameLen);
      byte[] content = data.length <= 1 + nameLen ? new byte[0] : Arrays.copyOfRange(data, 1 + nameLen, data.length);
      Path entry = store.pathOf(KEY);
      Files.createDirectories(entry.getParent());
      Files.write(entry, content);
      // A second file with a fuzzed name: an entry of its own, or something the walk must report.
      Path strayPath = (directoryFormat && (data.length > 0 && (data[0] & 0x80) != 0) ? entry.getParent() : dir).resolve(stray);
      if (!Files.exists(strayPath)) Files.write(strayPath, content);
      contentRoundTrips(store, content);
      walkAgreesWithLookups(store);
      store.close();
      // Opening read-only finds the same.
      HexFileStore ro = directoryFormat ? DirectoryPreimageStore.openReadOnly(dir) : FilePreimageStore.openReadOnly(dir);
      walkAgreesWithLookups(ro);
      ro.close();
    } finally {
      deleteTree(dir);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void directoryEntry(byte[] data) throws IOException {
    fuzzHexStore(data, true);
  }

  @FuzzTest(maxDuration = "10m")
  void fileEntry(byte[] data) throws IOException {
    fuzzHexStore(data, false);
  }

  /**
   * Records {@code keyLen ‖ key ‖ valueLen ‖ value} written straight into a RocksDB database (as a tool
   * other than fpp4j could), then read through the store: 32-byte keys are entries, others unreadable.
   */
  @FuzzTest(maxDuration = "10m")
  void rocksDbEntry(byte[] data) throws RocksDBException {
    RocksDB.loadLibrary();
    Path dir = freshDir("fpp4j-fuzz-rocksdb");
    Map<String, byte[]> written = new HashMap<>();
    try {
      try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString())) {
        for (int at = 0; at < data.length; ) {
          int keyLen = Math.min(data[at] & 0x3f, data.length - at - 1);
          byte[] key = Arrays.copyOfRange(data, at + 1, at + 1 + keyLen);
          at += 1 + keyLen;
          int valueLen = at < data.length ? Math.min(data[at] & 0xff, data.length - at - 1) : 0;
          byte[] value = at < data.length ? Arrays.copyOfRange(data, at + 1, at + 1 + valueLen) : new byte[0];
          at += 1 + valueLen;
          db.put(key, value);
          written.put(Hex.encode(key), value);
        }
      }
      try (RocksDbPreimageStore store = RocksDbPreimageStore.openReadOnly(dir)) {
        walkAgreesWithLookups(store);
        for (Map.Entry<String, byte[]> e : written.entrySet()) {
          if (e.getKey().length() == 64) {
            assertThat(store.getRaw(Bytes32.fromHex("0x" + e.getKey()))).hasValueSatisfying(v -> assertThat(v).isEqualTo(e.getValue()));
          }
        }
      }
    } finally {
      deleteTree(dir);
    }
  }
}
