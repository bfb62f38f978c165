package io.fpp4j.host.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.store.Fixtures;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PebbleHelper;
import io.fpp4j.host.store.PebbleHelperBuild;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code store convert|verify|stats|get} run through picocli exactly as a user would type them. */
@Timeout(120)
class StoreCommandTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run store(Object... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] a = Stream.of(args).map(String::valueOf).toArray(String[]::new);
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = StoreCommand.execute(o, e, a);
    }
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every kind of entry a real store can hold, including ones that are not typed preimage keys. */
  static Map<Bytes32, byte[]> sample() {
    Map<Bytes32, byte[]> m = new TreeMap<>();
    Random r = new Random(42);
    for (int i = 0; i < 40; i++) {
      byte[] v = new byte[r.nextInt(600)];
      r.nextBytes(v);
      m.put(raw(PreimageKey.keccak256Of(v)), v);
    }
    byte[] big = new byte[1 << 20];
    r.nextBytes(big);
    m.put(raw(PreimageKey.keccak256Of(big)), big);
    m.put(raw(PreimageKey.keccak256Of(new byte[0])), new byte[0]);
    byte[] nonUtf8 = {(byte) 0xc3, 0x28, (byte) 0xff, 0x00};
    m.put(raw(PreimageKey.keccak256Of(nonUtf8)), nonUtf8);
    byte[] commitment = new byte[48];
    r.nextBytes(commitment);
    m.put(raw(PreimageKey.sha256Of(commitment)), commitment);
    m.put(raw(PreimageKey.local(4)), Hex.decode("0000000001902b58"));
    m.put(raw(PreimageKey.blob(commitment, new byte[32])), new byte[32]);
    m.put(raw(PreimageKey.precompile(new byte[20], 3000, new byte[] {1})), new byte[] {1, 2});
    m.put(Bytes32.ZERO, new byte[] {7});
    m.put(Bytes32.fromHex("0xf1" + "ee".repeat(31)), new byte[] {1}); // op-program-style marker key
    return m;
  }

  static Bytes32 raw(PreimageKey k) {
    return Bytes32.wrap(k.bytes());
  }

  static Path create(Path dir, StoreFormat format, Map<Bytes32, byte[]> entries) {
    PebbleHelperBuild.ifPebble(format);
    try (KeyValueStore s = PreimageStores.open(dir, format)) {
      entries.forEach(s::putRaw);
    }
    return dir;
  }

  static Map<Bytes32, byte[]> contents(Path dir) {
    Map<Bytes32, byte[]> m = new TreeMap<>();
    try (KeyValueStore s = PreimageStores.openReadOnly(dir, Optional.empty())) {
      s.forEach(m::put);
    }
    return m;
  }

  static void assertSameBytes(Map<Bytes32, byte[]> actual, Map<Bytes32, byte[]> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as("value of %s", k).isEqualTo(v));
  }

  static Stream<Arguments> formatPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (StoreFormat a : StoreFormat.values()) for (StoreFormat b : StoreFormat.values()) pairs.add(Arguments.of(a, b));
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1} -> {0}")
  @MethodSource("formatPairs")
  void convertRoundTripsEveryByte(StoreFormat a, StoreFormat b) {
    PebbleHelperBuild.ifPebble(b);
    Map<Bytes32, byte[]> sample = sample();
    Path src = create(tmp.resolve("a"), a, sample);
    Run there = store("convert", "--from", src, "--to", tmp.resolve("b"), "--to-format", b.marker());
    assertThat(there.exit()).as(there.err()).isZero();
    assertThat(there.out()).contains("converted " + sample.size() + " entries");
    assertThat(contents(tmp.resolve("b"))).hasSize(sample.size());
    assertSameBytes(contents(tmp.resolve("b")), sample);
    assertThat(PreimageStores.detect(tmp.resolve("b"))).isEqualTo(b);

    Run back = store("convert", "--from", tmp.resolve("b"), "--from-format", b.marker(), "--to", tmp.resolve("c"),
        "--to-format", a.marker());
    assertThat(back.exit()).as(back.err()).isZero();
    assertSameBytes(contents(tmp.resolve("c")), sample);
  }

  @Test
  void convertRefusesATargetMarkedForAnotherFormat() throws IOException {
    Path src = create(tmp.resolve("a"), StoreFormat.DIRECTORY, sample());
    Path dst = Files.createDirectory(tmp.resolve("b"));
    Files.writeString(dst.resolve("kvformat"), "file");
    Run r = store("convert", "--from", src, "--to", dst, "--to-format", "rocksdb");
    assertThat(r.exit()).isEqualTo(StoreCommand.STORE_ERROR);
    assertThat(r.err()).contains(dst.toString()).contains("'file'");
    try (Stream<Path> s = Files.list(dst)) {
      assertThat(s).hasSize(1);
    }
  }

  @Test
  void convertRefusesTheSameDirectoryAndAnUnknownFormat() {
    Path src = create(tmp.resolve("a"), StoreFormat.DIRECTORY, sample());
    Run same = store("convert", "--from", src, "--to", src.resolve("."), "--to-format", "directory");
    assertThat(same.exit()).isEqualTo(StoreCommand.USAGE);
    assertThat(same.err()).contains("same directory");
    Run unknown = store("convert", "--from", src, "--to", tmp.resolve("p"), "--to-format", "leveldb");
    assertThat(unknown.exit()).isEqualTo(StoreCommand.USAGE);
    assertThat(unknown.err()).contains("'leveldb'").contains("--to-format").contains("pebble");
  }

  @Test
  void pebbleWithoutItsHelperSaysWhichScriptBuildsIt() {
    Path src = create(tmp.resolve("a"), StoreFormat.DIRECTORY, sample());
    String saved = System.getProperty(PebbleHelper.PROPERTY);
    System.setProperty(PebbleHelper.PROPERTY, tmp.resolve("no-helper").toString());
    try {
      Run r = store("convert", "--from", src, "--to", tmp.resolve("p"), "--to-format", "pebble");
      assertThat(r.exit()).isEqualTo(StoreCommand.STORE_ERROR);
      assertThat(r.err()).contains("system property fpp4j.pebble.helper names " + tmp.resolve("no-helper"))
          .contains("Run " + PebbleHelper.SETUP_SCRIPT);
    } finally {
      if (saved == null) System.clearProperty(PebbleHelper.PROPERTY);
      else System.setProperty(PebbleHelper.PROPERTY, saved);
    }
  }

  @Test
  void convertStopsAtAnUnreadableEntryNamingIt() throws IOException {
    Map<Bytes32, byte[]> sample = sample();
    Path src = create(tmp.resolve("a"), StoreFormat.FILE, sample);
    Path bad = src.resolve("0x" + "12".repeat(32) + ".txt");
    Files.writeString(bad, "123");
    Run r = store("convert", "--from", src, "--to", tmp.resolve("b"), "--to-format", "rocksdb");
    assertThat(r.exit()).isEqualTo(StoreCommand.STORE_ERROR);
    assertThat(r.err()).contains(bad.toString()).contains("odd-length");
  }

  @ParameterizedTest
  @EnumSource(StoreFormat.class)
  void verifyPassesACleanStore(StoreFormat format) {
    Path dir = create(tmp.resolve("s"), format, sample());
    Run r = store("verify", dir);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    // 43 keccak256 entries (40 random, 1 MiB, empty, non-UTF-8), 1 sha256, and 5 that cannot be checked.
    assertThat(r.out()).contains("43 keccak256 and 1 sha256 entries re-hashed, 5 of other key types not checkable, 0 bad");
  }

  @Test
  void verifyNamesADirectoryEntryWhoseHexWasAltered() throws IOException {
    byte[] value = "a preimage that will be corrupted".getBytes(StandardCharsets.US_ASCII);
    PreimageKey key = PreimageKey.keccak256Of(value);
    Map<Bytes32, byte[]> sample = sample();
    sample.put(raw(key), value);
    Path dir = create(tmp.resolve("s"), StoreFormat.DIRECTORY, sample);
    String hex = key.hex().substring(2);
    Path file = dir.resolve(hex.substring(0, 4)).resolve(hex.substring(4) + ".txt");
    String content = Files.readString(file);
    Files.writeString(file, (content.charAt(0) == '0' ? "1" : "0") + content.substring(1)); // still valid hex
    Run r = store("verify", dir);
    assertThat(r.exit()).isEqualTo(StoreCommand.FAILED);
    assertThat(r.out()).contains("bad: " + key.hex() + " (keccak256)").contains("1 bad");
    assertThat(r.out().lines().filter(l -> l.startsWith("bad:"))).hasSize(1);
  }

  @Test
  void verifyNamesAnEntryWhoseFileIsNoLongerHex() throws IOException {
    byte[] value = {1, 2, 3};
    PreimageKey key = PreimageKey.sha256Of(value);
    Map<Bytes32, byte[]> sample = sample();
    sample.put(raw(key), value);
    Path dir = create(tmp.resolve("s"), StoreFormat.DIRECTORY, sample);
    String hex = key.hex().substring(2);
    Path file = dir.resolve(hex.substring(0, 4)).resolve(hex.substring(4) + ".txt");
    Files.writeString(file, "01020"); // torn: odd length
    Run r = store("verify", dir);
    assertThat(r.exit()).isEqualTo(StoreCommand.FAILED);
    assertThat(r.out()).contains(key.hex()).contains(file.toString()).contains("odd-length");
  }

  @Test
  void verifyNamesAMalformedFileName() throws IOException {
    Path dir = create(tmp.resolve("s"), StoreFormat.DIRECTORY, sample());
    Path bad = Files.createDirectories(dir.resolve("0200")).resolve("xyz.txt");
    Files.writeString(bad, "00");
    Run r = store("verify", dir);
    assertThat(r.exit()).isEqualTo(StoreCommand.FAILED);
    assertThat(r.out()).contains(bad.toString()).contains("malformed");
  }

  @Test
  void verifyNamesACorruptedRocksDbValue() {
    Map<Bytes32, byte[]> sample = sample();
    Path dir = create(tmp.resolve("s"), StoreFormat.ROCKSDB, sample);
    byte[] value = "rocks".getBytes(StandardCharsets.US_ASCII);
    PreimageKey key = PreimageKey.keccak256Of(value);
    byte[] corrupted = value.clone();
    corrupted[2] ^= 0x20;
    try (KeyValueStore s = PreimageStores.open(dir, StoreFormat.ROCKSDB)) {
      s.put(key, corrupted);
    }
    Run r = store("verify", dir);
    assertThat(r.exit()).isEqualTo(StoreCommand.FAILED);
    assertThat(r.out()).contains("bad: " + key.hex() + " (keccak256): the 5-byte value hashes to "
        + Hex.prefixed(Hashing.keccak256(corrupted)));
  }

  @Test
  void verifyAndConvertAnUntypedFixtureStore() throws Exception {
    Path kv = Fixtures.extractExecutorKv(26207960, tmp);
    Run v = store("verify", kv, "--untyped-keccak");
    assertThat(v.exit()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).containsPattern("untyped-keccak\\(rocksdb:.*\\): \\d{3,} keccak256 and 0 sha256 entries re-hashed, 0 of other");

    Run c = store("convert", "--from", kv, "--from-untyped-keccak", "--to", tmp.resolve("typed"), "--to-format", "directory");
    assertThat(c.exit()).as(c.err()).isZero();
    Map<Bytes32, byte[]> typed = contents(tmp.resolve("typed"));
    assertThat(typed.size()).isGreaterThanOrEqualTo(300);
    typed.forEach((k, val) -> {
      assertThat(k.get(0)).isEqualTo(PreimageKeyType.KECCAK256.code());
      assertThat(Arrays32.body(Hashing.keccak256(val))).isEqualTo(Arrays32.body(k.toArray()));
    });
    assertThat(store("verify", tmp.resolve("typed")).exit()).isZero();
  }

  @Test
  void statsCountsEntriesAndBytesPerKeyType() {
    Map<Bytes32, byte[]> sample = sample();
    Path dir = create(tmp.resolve("s"), StoreFormat.FILE, sample);
    long bytes = sample.values().stream().mapToLong(v -> v.length).sum();
    Run r = store("stats", dir);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("format:      file").contains("entries:     " + sample.size())
        .contains("value bytes: " + bytes);
    assertThat(r.out()).containsPattern("keccak256 \\(2\\)\\s+43 entries")
        .containsPattern("sha256 \\(4\\)\\s+1 entries\\s+48 bytes")
        .containsPattern("local \\(1\\)\\s+1 entries\\s+8 bytes")
        .containsPattern("blob \\(5\\)\\s+1 entries\\s+32 bytes")
        .containsPattern("precompile \\(6\\)\\s+1 entries\\s+2 bytes")
        .containsPattern("other \\(not a typed key\\)\\s+2 entries\\s+2 bytes");
  }

  @Test
  void statsOfAPebbleMarkerWithoutADatabaseAndOfAnUnknownMarkerSayWhy() throws IOException {
    PebbleHelperBuild.ifPebble(StoreFormat.PEBBLE);
    Path dir = Files.createDirectory(tmp.resolve("p"));
    Files.writeString(dir.resolve("kvformat"), "pebble");
    Run pebble = store("stats", dir);
    assertThat(pebble.exit()).isEqualTo(StoreCommand.STORE_ERROR);
    assertThat(pebble.err()).contains("cannot open Pebble store " + dir + " read-only").contains("no MANIFEST file");
    Files.writeString(dir.resolve("kvformat"), "sqlite");
    Run unknown = store("stats", dir);
    assertThat(unknown.exit()).isEqualTo(StoreCommand.STORE_ERROR);
    assertThat(unknown.err()).contains("'sqlite'").contains(dir.resolve("kvformat").toString());
  }

  @ParameterizedTest
  @EnumSource(StoreFormat.class)
  void getPrintsTheValueAsHex(StoreFormat format) {
    Map<Bytes32, byte[]> sample = sample();
    Path dir = create(tmp.resolve("s"), format, sample);
    Run local = store("get", dir, PreimageKey.local(4).hex());
    assertThat(local.exit()).isZero();
    assertThat(local.out()).isEqualTo("0x0000000001902b58" + System.lineSeparator());
    Run empty = store("get", dir, PreimageKey.keccak256Of(new byte[0]).hex().substring(2)); // without 0x too
    assertThat(empty.out()).isEqualTo("0x" + System.lineSeparator());
    Run marker = store("get", dir, "0xf1" + "ee".repeat(31));
    assertThat(marker.out().strip()).isEqualTo("0x01");
  }

  @Test
  void getOfAnAbsentKeyOrABadKeySaysSo() {
    Path dir = create(tmp.resolve("s"), StoreFormat.DIRECTORY, sample());
    String absent = PreimageKey.keccak256Of(new byte[] {9, 9, 9}).hex();
    Run r = store("get", dir, absent);
    assertThat(r.exit()).isEqualTo(StoreCommand.FAILED);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no value under key " + absent).contains(dir.toString());
    Run bad = store("get", dir, "0x1234");
    assertThat(bad.exit()).isEqualTo(StoreCommand.USAGE);
    assertThat(bad.err()).contains("invalid key '0x1234'").contains("32 bytes");
  }

  @Test
  void getThroughTheUntypedAdapter() throws Exception {
    Path kv = Fixtures.extractExecutorKv(26207960, tmp);
    Map<Bytes32, byte[]> raw = contents(kv);
    Map.Entry<Bytes32, byte[]> first = raw.entrySet().iterator().next();
    PreimageKey typed = PreimageKey.fromDigest(PreimageKeyType.KECCAK256, first.getKey().toArray());
    Run r = store("get", kv, "--untyped-keccak", typed.hex());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo(Hex.prefixed(first.getValue()));
  }

  @Test
  void missingStoreAndMissingSubcommand() {
    Run r = store("stats", tmp.resolve("nothing"));
    assertThat(r.exit()).isEqualTo(StoreCommand.STORE_ERROR);
    assertThat(r.err()).contains(tmp.resolve("nothing").toString());
    Run none = store();
    assertThat(none.exit()).isEqualTo(StoreCommand.USAGE);
    assertThat(none.err()).contains("convert").contains("verify").contains("stats").contains("get");
    Run unknownOption = store("verify", "--bogus", tmp);
    assertThat(unknownOption.exit()).isEqualTo(StoreCommand.USAGE);
    assertThat(unknownOption.err()).contains("--bogus");
  }

  /** Bytes 1..31, the part of a key a verifier compares. */
  static final class Arrays32 {
    static byte[] body(byte[] b) {
      return java.util.Arrays.copyOfRange(b, 1, 32);
    }
  }
}
