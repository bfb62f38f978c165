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

/** The contract, plus the exact bytes of op-program's older {@code file} layout. */
class FilePreimageStoreTest extends PreimageStoreContract {
  static final Bytes32 KEY = DirectoryPreimageStoreTest.KEY;
  static final String KEY_FILE = "0x02173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad.txt";

  @Override
  KeyValueStore open(Path dir) {
    return FilePreimageStore.open(dir);
  }

  @Test
  void layoutIsPrefixedKeyDotTxt() throws IOException {
    store.putRaw(KEY, new byte[] {0x01, (byte) 0xab});
    assertThat(Files.readAllBytes(dir.resolve(KEY_FILE))).isEqualTo("01ab".getBytes(StandardCharsets.US_ASCII));
    assertThat(Files.readAllBytes(dir.resolve("kvformat"))).isEqualTo("file".getBytes(StandardCharsets.US_ASCII));
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kvformat", KEY_FILE);
    }
  }

  @Test
  void temporaryFilesAreNotEntries() throws IOException {
    store.putRaw(KEY, new byte[] {1});
    Files.writeString(dir.resolve(KEY_FILE + ".99887766"), "0"); // op-program's temp name
    Files.writeString(dir.resolve("0x" + "03".repeat(32) + ".txt.1f2e.tmp"), "01");
    assertThat(listAll(store)).containsOnlyKeys(KEY);
  }

  @Test
  void malformedFileNameIsAnErrorNamingTheFile() throws IOException {
    Path bad = dir.resolve("0x1234.txt");
    Files.writeString(bad, "00");
    assertThatThrownBy(() -> listAll(store)).isInstanceOf(StoreException.class).hasMessageContaining(bad.toString());
  }

  @Test
  void oddLengthContentIsAnErrorNamingTheFile() throws IOException {
    Files.writeString(dir.resolve(KEY_FILE), "1");
    assertThatThrownBy(() -> store.getRaw(KEY)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.resolve(KEY_FILE).toString()).hasMessageContaining("odd-length");
  }
}
