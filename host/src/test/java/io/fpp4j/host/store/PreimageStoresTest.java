package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes32;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@code kvformat} marker and the opener that honours it. */
@Timeout(30)
class PreimageStoresTest {
  @TempDir Path dir;
  static final Bytes32 KEY = DirectoryPreimageStoreTest.KEY;

  @ParameterizedTest
  @EnumSource(StoreFormat.class)
  void newStoreRecordsItsFormatAsTheBareName(StoreFormat format) throws IOException {
    PebbleHelperBuild.ifPebble(format);
    try (KeyValueStore s = PreimageStores.open(dir.resolve("d"), format)) {
      assertThat(s.format()).isEqualTo(format.marker());
    }
    assertThat(Files.readAllBytes(dir.resolve("d").resolve("kvformat")))
        .isEqualTo(format.marker().getBytes(StandardCharsets.US_ASCII));
    assertThat(FormatMarker.read(dir.resolve("d"))).contains(format);
  }

  @ParameterizedTest
  @EnumSource(StoreFormat.class)
  void anExistingMarkerWinsOverTheRequestedFormat(StoreFormat existing) {
    PebbleHelperBuild.ifPebble(existing);
    try (KeyValueStore s = PreimageStores.open(dir, existing)) {
      s.putRaw(KEY, new byte[] {42});
    }
    for (StoreFormat requested : StoreFormat.values()) {
      try (KeyValueStore s = PreimageStores.open(dir, requested)) {
        assertThat(s.format()).isEqualTo(existing.marker());
        assertThat(s.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(42));
      }
    }
  }

  @Test
  void markerToleratesATrailingNewlineWrittenByHand() throws IOException {
    Files.writeString(dir.resolve("kvformat"), "file\n");
    assertThat(FormatMarker.read(dir)).contains(StoreFormat.FILE);
  }

  @Test
  void unknownMarkerIsAnErrorNamingItsContentAndFile() throws IOException {
    Files.writeString(dir.resolve("kvformat"), "leveldb");
    assertThatThrownBy(() -> PreimageStores.open(dir, StoreFormat.DIRECTORY)).isInstanceOf(StoreException.class)
        .hasMessageContaining("'leveldb'").hasMessageContaining(dir.resolve("kvformat").toString())
        .hasMessageContaining("directory, file, rocksdb");
    assertThat(Files.readString(dir.resolve("kvformat"))).as("the marker is left alone").isEqualTo("leveldb");
  }

  @Test
  void formatNamesParseWhateverTheirCaseAndUnknownOnesNameTheSource() {
    assertThat(StoreFormat.parse("RocksDB", "x")).isEqualTo(StoreFormat.ROCKSDB);
    assertThat(StoreFormat.parse("Pebble", "x")).isEqualTo(StoreFormat.PEBBLE);
    assertThatThrownBy(() -> StoreFormat.parse("leveldb", "given by --data.format"))
        .hasMessage("unknown data format 'leveldb' (given by --data.format); supported: directory, file, rocksdb, pebble");
  }

  @Test
  void binaryMarkerContentIsShownEscaped() throws IOException {
    Files.write(dir.resolve("kvformat"), new byte[] {0x01, 'x'});
    assertThatThrownBy(() -> FormatMarker.read(dir)).hasMessageContaining("'\\u0001x'");
  }

  @Test
  void oversizedMarkerIsRefused() throws IOException {
    Files.write(dir.resolve("kvformat"), new byte[4096]);
    assertThatThrownBy(() -> FormatMarker.read(dir)).isInstanceOf(StoreException.class).hasMessageContaining("4096 bytes");
  }

  @ParameterizedTest
  @EnumSource(StoreFormat.class)
  void readOnlyOpenDetectsAStoreWithoutMarkerAndWritesNothing(StoreFormat format) throws IOException {
    PebbleHelperBuild.ifPebble(format);
    try (KeyValueStore s = PreimageStores.open(dir, format)) {
      s.putRaw(KEY, new byte[] {7});
    }
    Files.delete(dir.resolve("kvformat"));
    assertThat(PreimageStores.detect(dir)).isEqualTo(format);
    try (KeyValueStore s = PreimageStores.openReadOnly(dir, Optional.empty())) {
      assertThat(s.format()).isEqualTo(format.marker());
      assertThat(s.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
    }
    assertThat(dir.resolve("kvformat")).doesNotExist();
  }

  @Test
  void readOnlyOpenOfAnEmptyUnmarkedDirectorySaysWhatIsMissing() {
    assertThatThrownBy(() -> PreimageStores.openReadOnly(dir, Optional.empty())).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("no kvformat marker");
  }

  @Test
  void readOnlyOpenOfAMissingDirectoryNamesIt() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> PreimageStores.openReadOnly(missing, Optional.of(StoreFormat.DIRECTORY)))
        .isInstanceOf(StoreException.class).hasMessageContaining(missing.toString());
  }

  @Test
  void readOnlyOpenFollowsTheMarkerOverTheHint() {
    try (KeyValueStore s = PreimageStores.open(dir, StoreFormat.FILE)) {
      s.putRaw(KEY, new byte[] {1});
    }
    try (KeyValueStore s = PreimageStores.openReadOnly(dir, Optional.of(StoreFormat.ROCKSDB))) {
      assertThat(s.format()).isEqualTo("file");
    }
  }

  @Test
  void markerIsWrittenWithoutLeavingTemporaryFiles() throws IOException {
    FormatMarker.write(dir, StoreFormat.DIRECTORY);
    FormatMarker.write(dir, StoreFormat.DIRECTORY);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("kvformat");
    }
  }
}
