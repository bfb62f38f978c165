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

/** The contract, plus the exact bytes of op-program's {@code directory} layout and its bad inputs. */
class DirectoryPreimageStoreTest extends PreimageStoreContract {
  /** The example of op-program-spec.md 8.4: this key lives at {@code 0217/3285…1fad.txt}. */
  static final Bytes32 KEY = Bytes32.fromHex("0x02173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
  static final Path KEY_FILE = Path.of("0217", "3285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad.txt");

  @Override
  KeyValueStore open(Path dir) {
    return DirectoryPreimageStore.open(dir);
  }

  @Test
  void layoutIsFirstFourHexDigitsThenTheRest() throws IOException {
    store.putRaw(KEY, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x0a});
    assertThat(Files.readAllBytes(dir.resolve(KEY_FILE))).isEqualTo("deadbeef0a".getBytes(StandardCharsets.US_ASCII));
    assertThat(Files.readAllBytes(dir.resolve("kvformat"))).isEqualTo("directory".getBytes(StandardCharsets.US_ASCII));
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder("kvformat", KEY_FILE.toString());
    }
  }

  @Test
  void emptyValueIsAnEmptyFile() throws IOException {
    store.putRaw(KEY, new byte[0]);
    assertThat(Files.size(dir.resolve(KEY_FILE))).isZero();
  }

  @Test
  void readsFilesWrittenByOtherHostsIncludingUpperCaseHex() throws IOException {
    Files.createDirectories(dir.resolve(KEY_FILE).getParent());
    Files.writeString(dir.resolve(KEY_FILE), "00FFaB");
    assertThat(store.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(0x00, 0xff, 0xab));
  }

  @Test
  void temporaryFilesOfInterruptedWritesAreNotEntries() throws IOException {
    store.putRaw(KEY, new byte[] {1});
    // op-program's temp name in the store root, kona-host's and ours next to the target, all holding torn hex.
    Files.writeString(dir.resolve("0x" + "02".repeat(32) + ".txt.2873645"), "abc");
    Files.writeString(dir.resolve("0217").resolve(".tmpX7hQ2a"), "abc");
    Files.writeString(dir.resolve("0217").resolve("ff".repeat(30) + ".txt.5f3a.tmp"), "0");
    assertThat(listAll(store)).containsOnlyKeys(KEY);
  }

  @Test
  void oddLengthContentIsAnErrorNamingTheFile() throws IOException {
    Files.createDirectories(dir.resolve(KEY_FILE).getParent());
    Files.writeString(dir.resolve(KEY_FILE), "abc");
    assertThatThrownBy(() -> store.getRaw(KEY)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.resolve(KEY_FILE).toString()).hasMessageContaining(KEY.toHex())
        .hasMessageContaining("odd-length");
    assertThatThrownBy(() -> listAll(store)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.resolve(KEY_FILE).toString()).hasMessageContaining("odd-length");
  }

  @Test
  void nonHexContentIsAnErrorNamingTheFileAndCharacter() throws IOException {
    Files.createDirectories(dir.resolve(KEY_FILE).getParent());
    Files.writeString(dir.resolve(KEY_FILE), "00zz");
    assertThatThrownBy(() -> store.getRaw(KEY)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.resolve(KEY_FILE).toString()).hasMessageContaining("'z' at offset 2");
  }

  @Test
  void trailingNewlineIsNotSilentlyAccepted() throws IOException {
    Files.createDirectories(dir.resolve(KEY_FILE).getParent());
    Files.writeString(dir.resolve(KEY_FILE), "0011\n");
    assertThatThrownBy(() -> store.getRaw(KEY)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.resolve(KEY_FILE).toString());
  }

  @Test
  void malformedFileNameIsAnErrorNamingTheFile() throws IOException {
    store.putRaw(KEY, new byte[] {1});
    Path bad = dir.resolve("0217").resolve("not-a-key.txt");
    Files.writeString(bad, "00");
    assertThatThrownBy(() -> listAll(store)).isInstanceOf(StoreException.class).hasMessageContaining(bad.toString())
        .hasMessageContaining("malformed");
  }

  @Test
  void shortEntryNameIsAnErrorNamingTheFile() throws IOException {
    Path bad = dir.resolve("0217").resolve("ab".repeat(29) + ".txt"); // 58 digits, not 60
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "00");
    assertThatThrownBy(() -> listAll(store)).isInstanceOf(StoreException.class).hasMessageContaining(bad.toString());
  }

  @Test
  void strayFilesAndDirectoriesInTheRootAreErrorsNamingThem() throws IOException {
    Path stray = dir.resolve("notes.md");
    Files.writeString(stray, "x");
    assertThatThrownBy(() -> listAll(store)).isInstanceOf(StoreException.class).hasMessageContaining(stray.toString());
    Files.delete(stray);
    Path upper = Files.createDirectory(dir.resolve("02AB"));
    assertThatThrownBy(() -> listAll(store)).isInstanceOf(StoreException.class).hasMessageContaining(upper.toString());
  }

  @Test
  void refusesADirectoryMarkedForAnotherFormat() throws IOException {
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("kvformat"), "file");
    assertThatThrownBy(() -> DirectoryPreimageStore.open(other)).isInstanceOf(StoreException.class)
        .hasMessageContaining(other.toString()).hasMessageContaining("'file'");
  }

  @Test
  void readOnlyOpenRefusesWritesAndWritesNothing() throws IOException {
    Path fresh = Files.createDirectory(dir.resolve("ro"));
    try (DirectoryPreimageStore ro = DirectoryPreimageStore.openReadOnly(fresh)) {
      assertThatThrownBy(() -> ro.putRaw(KEY, new byte[1])).isInstanceOf(StoreException.class)
          .hasMessageContaining("read-only");
    }
    try (Stream<Path> s = Files.list(fresh)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void syncedWritesReadBack() {
    try (DirectoryPreimageStore synced = DirectoryPreimageStore.open(dir.resolve("synced"), true)) {
      synced.putRaw(KEY, new byte[] {4, 5});
      assertThat(synced.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(4, 5));
    }
  }
}
