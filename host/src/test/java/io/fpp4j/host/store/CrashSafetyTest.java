package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real writer process, SIGKILLed in the middle of writing a value, must leave a store that opens again and
 * holds every value it acknowledged, complete and hash-correct, and nothing torn: no half-written value is
 * read as an entry, and no temporary file is mistaken for one.
 *
 * <p>To kill inside a put rather than between two, the test waits for the writer to announce a put and then
 * for that put's bytes to start reaching the disk (its temporary file appears, or the RocksDB log grows), and
 * kills at once. Values are megabytes, so the write is still going on when the signal lands.
 */
@Timeout(300)
class CrashSafetyTest {
  /** Kill at least this many times, reopening the same store after each kill, as after real crashes. */
  private static final int MIN_ROUNDS = 3;
  /**
   * ... and go on, up to this many, until some kill is known to have cut a write short: a kill is aimed at the
   * middle of a put, but a busy machine can delay it until the put is over, and such a round proves less.
   */
  private static final int MAX_ROUNDS = 8;

  @TempDir Path tmp;

  /**
   * What one kill left behind: the acknowledged puts, the put in flight, whether its write was seen to start
   * before the kill, and for RocksDB how many bytes the log grew during that put.
   */
  record Kill(Set<Bytes32> acknowledged, Bytes32 inFlight, int inFlightSize, boolean sawWriteStart, long logGrowth) {}

  // Not Pebble: its writer is the Go helper, which outlives a killed JVM and finishes the batch it was given;
  // its own crash safety is Pebble's synced write-ahead log.
  @ParameterizedTest
  @EnumSource(value = StoreFormat.class, names = "PEBBLE", mode = EnumSource.Mode.EXCLUDE)
  void killedWriterLeavesNoTornValue(StoreFormat format) throws Exception {
    Path dir = tmp.resolve("store");
    Set<Bytes32> acknowledged = new HashSet<>();
    int tornLeftovers = 0;
    int tornLogTails = 0;
    for (int round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || tornLeftovers + tornLogTails == 0); round++) {
      Kill kill = runAndKill(format, dir, round, 3 + 4 * (round % 3));
      acknowledged.addAll(kill.acknowledged());
      long leftover = format == StoreFormat.ROCKSDB ? 0 : countTempFiles(dir);
      tornLeftovers = (int) leftover;
      // A record of the value's size made it only partly into the log: the kill cut it.
      if (kill.logGrowth() > 0 && kill.logGrowth() < kill.inFlightSize()) tornLogTails++;

      Map<Bytes32, byte[]> entries = new TreeMap<>();
      try (KeyValueStore store = PreimageStores.open(dir, format)) {
        StoreVerifier.Report report = StoreVerifier.verify(store, p -> {});
        assertThat(report.problems()).as("problems after kill %d", round).isEmpty();
        store.forEach(entries::put);
        for (Bytes32 k : acknowledged) {
          byte[] v = store.getRaw(k).orElseThrow(() -> new AssertionError("acknowledged write " + k + " was lost"));
          assertThat(PreimageKey.keccak256Of(v).bytes()).isEqualTo(k.toArray());
        }
      }
      entries.forEach((k, v) -> {
        byte[] digest = Hashing.keccak256(v);
        digest[0] = 2;
        assertThat(digest).as("entry %s is complete", k).isEqualTo(k.toArray());
      });
      // Every entry is an acknowledged put, except the put in flight, which is there whole or not at all.
      Set<Bytes32> unacknowledged = new HashSet<>(entries.keySet());
      unacknowledged.removeAll(acknowledged);
      assertThat(entries.keySet()).containsAll(acknowledged);
      assertThat(unacknowledged).isSubsetOf(kill.inFlight());
      acknowledged.addAll(unacknowledged);
      System.out.printf("%s round %d: %d entries, all acknowledged or whole; killed in a %d-byte put (write %s),"
              + " which is %s; %s%n",
          format, round, entries.size(), kill.inFlightSize(), kill.sawWriteStart() ? "under way" : "not seen starting",
          kill.acknowledged().contains(kill.inFlight()) ? "there: it finished before the signal landed"
              : unacknowledged.isEmpty() ? "absent" : "there and complete, though unacknowledged",
          format == StoreFormat.ROCKSDB ? "log grew by " + kill.logGrowth() + " bytes during it"
              : leftover + " temporary files in the store so far");
    }
    if (format == StoreFormat.ROCKSDB) {
      assertThat(tornLogTails).as("at least one kill cut a log record short").isPositive();
    } else {
      assertThat(tornLeftovers).as("at least one kill landed inside a write and left its temporary file").isPositive();
    }
  }

  /**
   * Starts a {@link CrashWriter}, lets {@code killAfter} puts complete, then SIGKILLs it inside the next large
   * put. Returns every acknowledgement the writer printed, including those still in the pipe at the kill.
   */
  private Kill runAndKill(StoreFormat format, Path dir, int round, int killAfter) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stderr = tmp.resolve("writer-" + round + ".err");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        CrashWriter.class.getName(), format.marker(), dir.toString(), Long.toString(round * 1000L + format.ordinal()))
        .redirectError(stderr.toFile())
        .start();
    Set<Bytes32> acks = new HashSet<>();
    Bytes32 inFlight = null;
    int inFlightSize = 0;
    boolean sawWriteStart;
    long logGrowth = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        PrintStream go = new PrintStream(p.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ok ")) {
          acks.add(Bytes32.fromHex(line.substring(3)));
        } else if (line.startsWith("begin ")) {
          String[] parts = line.split(" ");
          // A tiny put is over too soon to be caught halfway; let it through.
          if (acks.size() >= killAfter && Integer.parseInt(parts[2]) > 1024) {
            inFlight = Bytes32.fromHex(parts[1]);
            inFlightSize = Integer.parseInt(parts[2]);
            break;
          }
          go.println();
        }
      }
      assertThat(inFlight).as("writer died early: %s", stderrOf(stderr)).isNotNull();
      Optional<Path> log = newestLog(dir);
      long logSize = log.map(CrashSafetyTest::size).orElse(0L);
      go.println();
      sawWriteStart = awaitWriteStart(format, dir, inFlight, log, logSize);
      // SIGKILL: no shutdown hooks, no close. Through the handle, because Process.destroyForcibly would also
      // close our end of the pipe, losing the acknowledgements still in it.
      assertThat(p.toHandle().destroyForcibly()).isTrue();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      if (log.isPresent()) logGrowth = size(log.get()) - logSize;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ok ")) acks.add(Bytes32.fromHex(line.substring(3)));
      }
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("killed by signal 9").isEqualTo(137);
    return new Kill(acks, inFlight, inFlightSize, sawWriteStart, logGrowth);
  }

  /**
   * Waits (polling, bounded) until the put of {@code key} has started writing: a file of that key exists, or
   * the RocksDB log has grown. Returns false if that was not seen in time; the kill then happens anyway.
   */
  private static boolean awaitWriteStart(StoreFormat format, Path dir, Bytes32 key, Optional<Path> log, long logSize) {
    String hex = key.toHex().substring(2);
    Path folder = format == StoreFormat.DIRECTORY ? dir.resolve(hex.substring(0, 4)) : dir;
    // The entry's own name is a prefix of its temporary files' names: either appearing means the write began.
    String namePrefix = format == StoreFormat.DIRECTORY ? hex.substring(4) + ".txt" : "0x" + hex + ".txt";
    for (int i = 0; i < 200_000; i++) {
      if (format == StoreFormat.ROCKSDB) {
        if (log.isPresent() && size(log.get()) > logSize) return true;
      } else if (Files.isDirectory(folder)) {
        try (Stream<Path> s = Files.list(folder)) {
          if (s.anyMatch(f -> f.getFileName().toString().startsWith(namePrefix))) return true;
        } catch (IOException e) {
          // the folder is being created right now; look again
        }
      }
      Thread.onSpinWait();
    }
    return false;
  }

  private static Optional<Path> newestLog(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return Optional.empty();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".log")).max(Comparator.comparing(Path::toString));
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String stderrOf(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static long countTempFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> files = s.filter(Files::isRegularFile).toList();
      return files.stream().filter(f -> AtomicFiles.isTempName(f.getFileName().toString())).count();
    }
  }
}
