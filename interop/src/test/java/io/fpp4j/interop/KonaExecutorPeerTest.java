package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference harness itself: the kona-executor peer, fed the fixtures' preimages through a {@code store
 * convert} export, reproduces every fixture's {@code expected_block_hash}, and refuses bad input clearly. The
 * Java executor is later checked against this peer on the same exports.
 */
class KonaExecutorPeerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The smallest fixture (332 preimage reads); the bad-input cases start from its export. */
  private static final long SMALL = 26207960L;

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  static void buildPeer() throws Exception {
    KonaExecutorPeer.build();
  }

  private static Path work() {
    return Peers.moduleDir().resolve("target/kona-executor-peer-test");
  }

  static List<Long> blocks() throws IOException {
    return ExecutorFixtureExport.blocks();
  }

  @Test
  void thereAreTheEightFixturesTheIssueNames() throws IOException {
    assertThat(blocks()).containsExactly(26207960L, 26207961L, 26207962L, 26207963L, 26208384L, 26208858L, 26208927L,
        26211680L);
  }

  @ParameterizedTest(name = "block {0}")
  @MethodSource("blocks")
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void reproducesTheExpectedBlockHash(long block) throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(block, work());
    JsonNode fixture = JSON.readTree(export.fixtureJson().toFile());
    KonaExecutorPeer.Result r = KonaExecutorPeer.run(export.fixtureJson().toString(), export.preimages().toString());
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    JsonNode line = JSON.readTree(r.out());
    assertThat(r.out().lines().count()).as("one JSON line").isEqualTo(1);
    assertThat(line.path("block").asLong()).isEqualTo(block);
    assertThat(line.path("hash").asText()).isEqualTo(fixture.path("expected_block_hash").asText());
    assertThat(line.path("transactions").asInt()).isEqualTo(fixture.path("executing_payload").path("transactions").size());
    long reads = line.path("preimagesRead").asLong();
    long distinct = line.path("distinctPreimagesRead").asLong();
    assertThat(distinct).isPositive().isLessThanOrEqualTo(reads).isLessThanOrEqualTo(line.path("preimagesAvailable").asLong());
    assertThat(line.path("executeMicros").size()).isEqualTo(1);
    System.out.printf("kona-executor block %d: %s, %d preimage reads (%d distinct), %d us%n", block,
        line.path("hash").asText(), reads, distinct, line.path("executeMicros").get(0).asLong());
  }

  @Test
  void repeatExecutesInOneProcessAndReportsOneTimingEach() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    KonaExecutorPeer.Result once = KonaExecutorPeer.run(export.fixtureJson().toString(), export.preimages().toString());
    KonaExecutorPeer.Result r = KonaExecutorPeer.run("--repeat", "3", export.fixtureJson().toString(),
        export.preimages().toString());
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    JsonNode line = JSON.readTree(r.out());
    assertThat(line.path("executeMicros").size()).isEqualTo(3);
    line.path("executeMicros").forEach(t -> assertThat(t.asLong()).isPositive());
    // Every repetition starts from a fresh provider, so the reads reported equal a single run's.
    JsonNode single = JSON.readTree(once.out());
    assertThat(line.path("preimagesRead").asLong()).isEqualTo(single.path("preimagesRead").asLong());
    assertThat(line.path("hash").asText()).isEqualTo(single.path("hash").asText());
  }

  /** The time-based rule: untimed executions for S seconds, then K timed, their median and the cold one apart. */
  @Test
  void aTimedWarmUpRunsBeforeTheTimedExecutions() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    long t0 = System.nanoTime();
    KonaExecutorPeer.Result r = KonaExecutorPeer.run("--repeat", "3", "--warmup-seconds", "0.5",
        export.fixtureJson().toString(), export.preimages().toString());
    long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    JsonNode line = JSON.readTree(r.out());
    assertThat(line.path("executeMicros").size()).as("only the timed executions").isEqualTo(3);
    assertThat(line.path("warmupExecutions").asLong()).isPositive();
    assertThat(line.path("coldMicros").asLong()).isPositive();
    long[] timed = new long[3];
    for (int i = 0; i < 3; i++) timed[i] = line.path("executeMicros").get(i).asLong();
    java.util.Arrays.sort(timed);
    assertThat(line.path("warmMedianMicros").asLong()).isEqualTo(timed[1]);
    assertThat(elapsedMillis).as("the warm-up lasts at least the half second asked for").isGreaterThanOrEqualTo(500);
  }

  @Test
  void withoutAWarmUpTheOutputHasNoWarmUpFields() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    KonaExecutorPeer.Result r = KonaExecutorPeer.run("--repeat", "2", export.fixtureJson().toString(),
        export.preimages().toString());
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    JsonNode line = JSON.readTree(r.out());
    assertThat(line.has("warmupExecutions") || line.has("coldMicros") || line.has("warmMedianMicros")).isFalse();
  }

  @Test
  void badWarmUpSecondsAreRefusedNamingTheValue() throws Exception {
    for (String bad : new String[] {"0", "-1", "NaN", "inf", "86401", "abc", ""}) {
      KonaExecutorPeer.Result r = KonaExecutorPeer.run("--warmup-seconds", bad, "fixture.json", "preimages");
      assertThat(r.exit()).as("--warmup-seconds '%s'", bad).isEqualTo(KonaExecutorPeer.BAD_INPUT);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("--warmup-seconds wants a number of seconds").contains("'" + bad + "'");
    }
  }

  @Test
  void aMissingFixtureFileIsNamed() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    Path absent = work().resolve("no-such-fixture.json");
    KonaExecutorPeer.Result r = KonaExecutorPeer.run(absent.toString(), export.preimages().toString());
    assertThat(r.exit()).isEqualTo(KonaExecutorPeer.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("cannot read fixture " + absent);
  }

  @Test
  void aTruncatedFixtureIsRefusedWithTheParseError() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    String text = Files.readString(export.fixtureJson());
    Path truncated = work().resolve("truncated-fixture.json");
    Files.writeString(truncated, text.substring(0, text.length() / 2));
    KonaExecutorPeer.Result r = KonaExecutorPeer.run(truncated.toString(), export.preimages().toString());
    assertThat(r.exit()).isEqualTo(KonaExecutorPeer.BAD_INPUT);
    assertThat(r.err()).contains("fixture " + truncated + " is not a Kona executor fixture").contains("line 1");
  }

  @Test
  void aPreimageDirectoryWithoutTheDirectoryMarkerIsRefused() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    Path rocksDb = export.fixtureJson().resolveSibling("kv");
    KonaExecutorPeer.Result r = KonaExecutorPeer.run(export.fixtureJson().toString(), rocksDb.toString());
    assertThat(r.exit()).isEqualTo(KonaExecutorPeer.BAD_INPUT);
    assertThat(r.err()).contains(rocksDb + " has no readable kvformat marker");
  }

  @Test
  void aMissingTrieNodeEndsExecutionNamingItsHash() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    String stateRoot = JSON.readTree(export.fixtureJson().toFile()).path("parent_header").path("stateRoot").asText();
    Path copy = copyExport(export, "without-state-root");
    Files.delete(entry(copy, stateRoot));
    KonaExecutorPeer.Result r = KonaExecutorPeer.run(export.fixtureJson().toString(), copy.toString());
    assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(KonaExecutorPeer.EXECUTION_FAILED);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("missing preimage: trie node with keccak256 " + stateRoot);
  }

  @Test
  void aPreimageThatDoesNotHashToItsKeyIsRefusedNamingTheFile() throws Exception {
    ExecutorFixtureExport export = ExecutorFixtureExport.of(SMALL, work());
    String stateRoot = JSON.readTree(export.fixtureJson().toFile()).path("parent_header").path("stateRoot").asText();
    Path copy = copyExport(export, "corrupt-state-root");
    Path node = entry(copy, stateRoot);
    byte[] hex = Files.readAllBytes(node);
    hex[hex.length - 1] = (byte) (hex[hex.length - 1] == '0' ? '1' : '0');
    Files.write(node, hex);
    KonaExecutorPeer.Result r = KonaExecutorPeer.run(export.fixtureJson().toString(), copy.toString());
    assertThat(r.exit()).isEqualTo(KonaExecutorPeer.BAD_INPUT);
    assertThat(r.err()).contains("corrupt preimage " + node);
  }

  /** The directory-format file of the keccak preimage of {@code hash} (typed key {@code 02 ‖ hash[1:]}). */
  private static Path entry(Path store, String hash) {
    String typed = "02" + hash.substring(4);
    Path p = store.resolve(typed.substring(0, 4)).resolve(typed.substring(4) + ".txt");
    assertThat(p).as("the export holds %s", hash).isRegularFile();
    return p;
  }

  private static Path copyExport(ExecutorFixtureExport export, String name) throws IOException {
    Path copy = work().resolve(name);
    ExecutorFixtureExport.deleteTree(copy);
    try (Stream<Path> s = Files.walk(export.preimages())) {
      for (Path p : s.toList()) {
        Path target = copy.resolve(export.preimages().relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return copy;
  }
}
