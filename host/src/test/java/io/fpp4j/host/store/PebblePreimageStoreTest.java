package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract on op-program's Pebble format through the real Go helper (Pebble v1.1.5), plus what only
 * Pebble has: the helper process, the read-only promise, and the errors when the helper or the database is
 * missing or broken.
 */
class PebblePreimageStoreTest extends PreimageStoreContract {
  static final Bytes32 KEY = DirectoryPreimageStoreTest.KEY;

  @Override
  KeyValueStore open(Path dir) {
    return PebblePreimageStore.open(dir, PebbleHelperBuild.helper());
  }

  @Test
  void markerAndEngineAreOpProgramsAndDetectedWithoutTheMarker() throws IOException {
    store.putRaw(KEY, new byte[] {1});
    assertThat(Files.readAllBytes(dir.resolve("kvformat"))).isEqualTo("pebble".getBytes(StandardCharsets.US_ASCII));
    try (Stream<Path> s = Files.list(dir)) {
      Path options = s.filter(p -> p.getFileName().toString().startsWith("OPTIONS-")).findFirst().orElseThrow();
      // op-program opens Pebble with Snappy on level 0; the helper uses the same options.
      assertThat(Files.readString(options)).contains("pebble_version=").contains("compression=Snappy");
    }
    store.close();
    Files.delete(dir.resolve("kvformat"));
    assertThat(PreimageStores.detect(dir)).isEqualTo(StoreFormat.PEBBLE);
    store = PreimageStores.openReadOnly(dir, Optional.empty());
    assertThat(store.format()).isEqualTo("pebble");
    assertThat(store.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
  }

  @Test
  void readOnlyOpenChangesNoFileInTheDirectory() throws IOException {
    byte[] value = "read me, change nothing".getBytes(StandardCharsets.US_ASCII);
    PreimageKey key = PreimageKey.keccak256Of(value);
    store.put(key, value);
    store.close();
    Map<String, String> before = snapshot(dir);
    try (KeyValueStore ro = PreimageStores.openReadOnly(dir, Optional.empty())) {
      assertThat(ro).isInstanceOf(PebblePreimageStore.class);
      assertThat(ro.get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
      assertThat(listAll(ro)).hasSize(1);
      assertThatThrownBy(() -> ro.putRaw(KEY, new byte[1])).isInstanceOf(StoreException.class).hasMessageContaining("read-only");
    }
    assertThat(snapshot(dir)).as("names, sizes, modification times and contents").isEqualTo(before);
    store = open(dir);
  }

  @Test
  void readOnlyOpenIsRefusedWhileAWriterHoldsTheDatabase() {
    store.putRaw(KEY, new byte[] {1});
    assertThatThrownBy(() -> PebblePreimageStore.openReadOnly(dir, PebbleHelperBuild.helper()))
        .isInstanceOf(StoreException.class).hasMessageContaining("cannot open Pebble store " + dir)
        .hasMessageContaining("locked");
  }

  @Test
  void nonexistentDirectoryOrOneWithoutADatabaseIsAClearError() throws IOException {
    Path helper = PebbleHelperBuild.helper();
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> PebblePreimageStore.openReadOnly(missing, helper)).isInstanceOf(StoreException.class)
        .hasMessage("no Pebble store at " + missing + ": not a directory");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(empty.resolve("kvformat"), "pebble");
    assertThatThrownBy(() -> PreimageStores.openReadOnly(empty, Optional.empty())).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open Pebble store " + empty + " read-only")
        .hasMessageContaining("no Pebble database at").hasMessageContaining("no MANIFEST file");
    try (Stream<Path> s = Files.list(empty)) {
      assertThat(s.map(p -> p.getFileName().toString())).as("nothing created").containsExactly("kvformat");
    }
  }

  @Test
  void corruptedManifestIsAClearError() throws IOException {
    for (int i = 0; i < 50; i++) store.putRaw(Bytes32.wrap(Hashing.keccak256(new byte[] {(byte) i})), new byte[] {(byte) i});
    store.close();
    Path manifest;
    try (Stream<Path> s = Files.list(dir)) {
      manifest = s.filter(p -> p.getFileName().toString().startsWith("MANIFEST-")).findFirst().orElseThrow();
    }
    byte[] garbage = new byte[(int) Files.size(manifest)];
    java.util.Arrays.fill(garbage, (byte) 0x5a);
    Files.write(manifest, garbage);
    assertThatThrownBy(() -> PebblePreimageStore.openReadOnly(dir, PebbleHelperBuild.helper()))
        .isInstanceOf(StoreException.class).hasMessageContaining("cannot open Pebble store " + dir + " read-only")
        .hasMessageContaining("cannot open Pebble database").hasMessageContaining("exit code 3");
    store = open(dir.resolve("fresh"));
  }

  @Test
  void missingHelperNamesTheSetupScript() throws IOException {
    Path nowhere = dir.resolve("no-such-helper");
    assertThatThrownBy(() -> PebblePreimageStore.open(dir.resolve("p"), nowhere)).isInstanceOf(StoreException.class)
        .hasMessageContaining(nowhere.toString()).hasMessageContaining(PebbleHelper.SETUP_SCRIPT);

    Path cache = Files.createDirectory(dir.resolve("cache"));
    Path fakeGo = Files.createDirectory(dir.resolve("bin"));
    Files.createFile(fakeGo.resolve("go"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Map<String, String> env = new HashMap<>(Map.of("XDG_CACHE_HOME", cache.toString(), "PATH", fakeGo.toString()));
    assertThatThrownBy(() -> PebbleHelper.locate(env, Optional.empty())).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the Pebble helper fpp4j-pebble is not built (looked for "
            + cache.resolve("fpp4j/pebble/fpp4j-pebble") + ")")
        .hasMessageContaining("Run " + PebbleHelper.SETUP_SCRIPT).hasMessageNotContaining("Go is not installed");

    env.put("PATH", dir.resolve("empty-path").toString());
    assertThatThrownBy(() -> PebbleHelper.locate(env, Optional.empty())).isInstanceOf(StoreException.class)
        .hasMessageContaining("Go is not installed (no 'go' on the PATH): install Go 1.22 or later, then run "
            + PebbleHelper.SETUP_SCRIPT);

    env.put(PebbleHelper.ENV, nowhere.toString());
    assertThatThrownBy(() -> PebbleHelper.locate(env, Optional.empty())).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("environment variable FPP4J_PEBBLE_HELPER names " + nowhere + ", which is not an executable file");
    Path real = PebbleHelperBuild.helper();
    assertThat(PebbleHelper.locate(env, Optional.of(real.toString()))).as("the property wins").isEqualTo(real);
  }

  @Test
  void aHelperOfAnotherProtocolOrOneThatDiesIsNamed() throws IOException {
    Path other = script("other", "echo 'fpp4j-pebble protocol 0'; cat >/dev/null");
    assertThatThrownBy(() -> PebblePreimageStore.openReadOnly(dir, other)).isInstanceOf(StoreException.class)
        .hasMessageContaining("answered 'fpp4j-pebble protocol 0'").hasMessageContaining(PebbleHelper.SETUP_SCRIPT);

    Path dies = script("dies", "echo 'fpp4j-pebble protocol 1'; head -c 1 >/dev/null; echo 'disk on fire' >&2; exit 1");
    KeyValueStore s = PebblePreimageStore.openReadOnly(dir, dies);
    assertThatThrownBy(() -> s.getRaw(KEY)).isInstanceOf(StoreException.class)
        .hasMessageContaining("failed while reading " + KEY).hasMessageContaining("disk on fire (exit code 1)");
    assertThatThrownBy(() -> s.getRaw(KEY)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    s.close();
  }

  @Test
  void aHelperThatNeverAnswersIsKilledNotWaitedFor() throws IOException {
    Path silent = script("silent", "exec sleep 600");
    long start = System.nanoTime();
    assertThatThrownBy(() -> PebblePreimageStore.start(dir, silent, true, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(StoreException.class).hasMessageContaining("cannot open Pebble store " + dir + " read-only")
        .hasMessageContaining("did not answer within 1 s and was killed").hasMessageContaining(PebbleHelper.SETUP_SCRIPT);
    assertThat(System.nanoTime() - start).as("nanoseconds waited").isLessThan(30_000_000_000L);
  }

  @Test
  void aHelperThatStopsAnsweringMidRunIsKilledAndNamed() throws IOException {
    // Greets, then reads requests and never answers: a helper hung on its disk or deadlocked.
    Path hung = script("hung", "echo 'fpp4j-pebble protocol 1'; exec sleep 600");
    KeyValueStore s = PebblePreimageStore.start(dir, hung, true, Duration.ofSeconds(30), Duration.ofSeconds(1));
    long start = System.nanoTime();
    assertThatThrownBy(() -> s.getRaw(KEY)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the Pebble helper for " + dir + " did not answer within 1 s while reading " + KEY
            + " and was killed")
        .hasMessageContaining("the store is closed").hasMessageContaining(PebbleHelper.SETUP_SCRIPT);
    assertThat(System.nanoTime() - start).as("nanoseconds waited").isLessThan(30_000_000_000L);
    assertThatThrownBy(() -> s.getRaw(KEY)).isInstanceOf(StoreException.class).hasMessageContaining("is closed");
    s.close();
  }

  @Test
  void aHelperThatHangsOnCloseIsKilledNotWaitedFor() throws IOException {
    Path hung = script("hung-close", "echo 'fpp4j-pebble protocol 1'; exec sleep 600");
    KeyValueStore s = PebblePreimageStore.start(dir, hung, true, Duration.ofSeconds(30), Duration.ofSeconds(1));
    assertThatThrownBy(s::close).isInstanceOf(StoreException.class)
        .hasMessageContaining("did not close " + dir + " cleanly: it did not answer within 1 s and was killed");
  }

  @Test
  void aSlowButLiveHelperIsNotKilled() throws IOException {
    // The real helper, greeting 0.3 s late: longer than the request limit, so the open must be judged by
    // its own limit, and every get answers well inside 200 ms, so nothing may fire.
    Path real = PebbleHelperBuild.helper();
    Path slow = script("slow", "sleep 0.3; exec '" + real + "' \"$@\"");
    store.putRaw(KEY, new byte[] {7});
    store.close();
    KeyValueStore s = PebblePreimageStore.start(dir, slow, true, Duration.ofSeconds(30), Duration.ofMillis(200));
    for (int i = 0; i < 50; i++) {
      assertThat(s.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
    }
    s.close();
  }

  @Test
  void anUnmarkedPebbleDatabaseIsOpenedAsPebbleWhateverFormatWasAskedFor() throws IOException {
    store.putRaw(KEY, new byte[] {9});
    store.close();
    Files.delete(dir.resolve("kvformat"));
    // "directory" is the host's default format: it must not write its entries and marker beside Pebble's files.
    store = PreimageStores.open(dir, StoreFormat.DIRECTORY);
    assertThat(store).isInstanceOf(PebblePreimageStore.class);
    assertThat(store.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(9));
    assertThat(Files.readString(dir.resolve("kvformat"))).isEqualTo("pebble");
  }

  @Test
  void theStoreCannotBeUsedFromInsideItsOwnListing() {
    store.putRaw(KEY, new byte[] {1});
    store.putRaw(Bytes32.ZERO, new byte[] {2});
    assertThatThrownBy(() -> store.forEach((k, v) -> store.getRaw(k))).isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot be used from inside its own forEach");
    // The error ended the walk; the store must still be in step with the helper afterwards.
    assertThat(store.getRaw(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
  }

  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name + ".sh");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    p.toFile().setExecutable(true);
    return p;
  }

  /** Every file's name with its size, modification time and content hash. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String what = Files.isDirectory(p) ? "dir"
            : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " " + Hex.prefixed(Hashing.keccak256(Files.readAllBytes(p)));
        out.put(dir.relativize(p).toString(), what);
      }
    }
    return out;
  }
}
