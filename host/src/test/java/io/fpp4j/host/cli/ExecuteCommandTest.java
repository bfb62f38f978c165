package io.fpp4j.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.mpt.fixtures.ExecutorFixture;
import io.fpp4j.mpt.fixtures.TarExtractor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fpp4j execute} on a real OP Sepolia fixture, and its refusals. */
class ExecuteCommandTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    HostWiring wiring = HostWiring.defaults().withStreams(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT);
    return Main.run(args, wiring, new java.io.PrintWriter(err, true), new java.io.PrintWriter(err, true));
  }

  @Test
  void executesTheFixtureBlockFromTheRawKv() throws Exception {
    TarExtractor.extract(ExecutorFixture.fixturesDir().resolve("block-26207960.tar"), tmp);
    Path dir = tmp.resolve("block-26207960");
    int code = run("execute", "--fixture", dir.resolve("fixture.json").toString(), "--data-dir", dir.resolve("kv").toString(),
        "--repeat", "2");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(HostExitCode.VALID);
    JsonNode o = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(o.get("blockHash").asText()).isEqualTo("0xdb32d9ddfa5fd26c9fb0260bbfa53da88326aa2a465e34d75180564aa31b851e");
    assertThat(o.get("stateRoot").asText()).isEqualTo("0x2eef5d480dcb78a71b7d85a2d6026a03caf87f6cb2477bcb37aa63da757a6e11");
    assertThat(o.get("preimagesRead").asInt()).isPositive();
    assertThat(o.has("warmMedianMicros")).isTrue();
  }

  /** Warm = the executions after the first floor(K/2); their median, mean of the middle two when even. */
  @Test
  void warmMedianIsTheMedianOfTheSecondHalf() {
    // K = 5: warm-up 2 (1000, 900), warm {30, 10, 20} -> 20.
    assertThat(ExecuteCommand.warmMedian(new long[] {1000, 900, 30, 10, 20})).isEqualTo(20);
    // K = 6: warm-up 3, warm {40, 10, 25} -> 25.
    assertThat(ExecuteCommand.warmMedian(new long[] {1000, 900, 800, 40, 10, 25})).isEqualTo(25);
    // K = 8: warm-up 4, warm {13, 10, 40, 20} -> (13 + 20) / 2 = 16.5, rounded to 17.
    assertThat(ExecuteCommand.warmMedian(new long[] {9, 9, 9, 9, 13, 10, 40, 20})).isEqualTo(17);
    // K = 2: warm-up 1, warm {7} -> 7.
    assertThat(ExecuteCommand.warmMedian(new long[] {500, 7})).isEqualTo(7);
  }

  /** The time-based rule: untimed executions for S seconds, then K timed, and the median of all K. */
  @Test
  void aTimedWarmUpRunsFirstAndReportsItsExecutions() throws Exception {
    TarExtractor.extract(ExecutorFixture.fixturesDir().resolve("block-26207960.tar"), tmp);
    Path dir = tmp.resolve("block-26207960");
    long t0 = System.nanoTime();
    int code = run("execute", "--fixture", dir.resolve("fixture.json").toString(), "--data-dir", dir.resolve("kv").toString(),
        "--repeat", "3", "--warmup-seconds", "0.5");
    long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(HostExitCode.VALID);
    JsonNode o = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(o.get("blockHash").asText()).isEqualTo("0xdb32d9ddfa5fd26c9fb0260bbfa53da88326aa2a465e34d75180564aa31b851e");
    assertThat(o.get("warmupExecutions").asInt()).isPositive();
    assertThat(o.get("coldMicros").asLong()).isPositive();
    assertThat(o.get("warmMedianMicros").asLong()).isPositive();
    assertThat(elapsedMillis).as("the warm-up lasts at least the half second asked for").isGreaterThanOrEqualTo(500);
  }

  /** Bad warm-ups are refused before anything is read, naming the option and the value. */
  @Test
  void badWarmUpSecondsAreUsageErrors() {
    for (String bad : new String[] {"0", "-1", "NaN", "Infinity", "86401", "abc", ""}) {
      out.reset();
      err.reset();
      int code = run("execute", "--fixture", tmp.resolve("nope.json").toString(), "--data-dir", tmp.toString(),
          "--warmup-seconds", bad);
      assertThat(code).as("--warmup-seconds '%s'", bad).isEqualTo(HostExitCode.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8)).as("--warmup-seconds '%s'", bad)
          .contains("--warmup-seconds").contains("'" + bad + "'");
      assertThat(out.size()).isZero();
    }
  }

  /** Waiting for the JIT: the warm-up lasts at least S, and the output says whether the JIT fell quiet. */
  @Test
  void aWarmUpCanWaitForTheJitToFallQuiet() throws Exception {
    TarExtractor.extract(ExecutorFixture.fixturesDir().resolve("block-26207960.tar"), tmp);
    Path dir = tmp.resolve("block-26207960");
    int code = run("execute", "--fixture", dir.resolve("fixture.json").toString(), "--data-dir", dir.resolve("kv").toString(),
        "--repeat", "2", "--warmup-seconds", "0.3", "--jit-quiet-seconds", "0.1");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(HostExitCode.VALID);
    JsonNode o = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(o.get("jitQuiet").isBoolean()).isTrue();
    // At least S; at most the cap (10 S) plus the one execution that crossed it.
    assertThat(o.get("warmupMillis").asLong()).isBetween(300L, 3_000L + o.get("coldMicros").asLong() / 1000);
  }

  @Test
  void badJitQuietSecondsAreUsageErrors() {
    String[][] cases = {
      {"--warmup-seconds", "1", "--jit-quiet-seconds", "0"},
      {"--warmup-seconds", "1", "--jit-quiet-seconds", "soon"},
      {"--jit-quiet-seconds", "1"},
    };
    String[] expected = {"--jit-quiet-seconds wants a number of seconds above 0 and at most 86400, not '0'",
        "--jit-quiet-seconds wants a number of seconds above 0 and at most 86400, not 'soon'",
        "--jit-quiet-seconds needs --warmup-seconds"};
    for (int i = 0; i < cases.length; i++) {
      out.reset();
      err.reset();
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("execute", "--fixture",
          tmp.resolve("nope.json").toString(), "--data-dir", tmp.toString()), java.util.Arrays.stream(cases[i]))
          .toArray(String[]::new);
      assertThat(run(args)).as(String.join(" ", cases[i])).isEqualTo(HostExitCode.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected[i]);
      assertThat(out.size()).isZero();
    }
  }

  @Test
  void medianOfAllTheTimedExecutions() {
    assertThat(ExecuteCommand.median(new long[] {30, 10, 20})).isEqualTo(20);
    assertThat(ExecuteCommand.median(new long[] {13, 10, 40, 20})).isEqualTo(17);
    assertThat(ExecuteCommand.median(new long[] {7})).isEqualTo(7);
  }

  @Test
  void aMissingFixtureIsAUsageError() throws Exception {
    Files.createDirectories(tmp.resolve("kv"));
    int code = run("execute", "--fixture", tmp.resolve("nope.json").toString(), "--data-dir", tmp.resolve("kv").toString());
    assertThat(code).isEqualTo(HostExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json");
  }
}
