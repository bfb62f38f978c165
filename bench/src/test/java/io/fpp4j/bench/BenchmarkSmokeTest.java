package io.fpp4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every benchmark body a few times outside JMH, with its real setup and teardown, to prove it works
 * (right bytes back, clean shutdown of the server or host child). Timing is JMH's job, not this test's.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BenchmarkSmokeTest {
  private static final int ROUNDS = 3;

  @Test
  void crossProcessBenchmarksRoundTripAgainstAHostChild() throws Exception {
    CrossProcessBench bench = new CrossProcessBench();
    CrossProcessBench.Host host = new CrossProcessBench.Host();
    host.start();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(bench.preimage100(host)).isEqualTo(BenchData.SMALL);
        assertThat(bench.preimage128k(host)).isEqualTo(BenchData.LARGE);
        assertThat(bench.preimage128kExact(host)).isEqualTo(BenchData.LARGE);
        bench.hint(host);
      }
    } finally {
      host.stop(); // throws if the child did not exit 0
    }
    assertThat(host.host.process().exitValue()).isZero();
  }

  @Test
  void rawFloorBenchmarkGetsTheSmallFrameFromAnEchoChild() throws Exception {
    RawPipeBench bench = new RawPipeBench();
    RawPipeBench.Echo echo = new RawPipeBench.Echo();
    echo.start();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(bench.preimage100(echo)).isEqualTo((int) BenchData.SMALL[BenchData.SMALL_SIZE - 1]);
        assertThat(java.util.Arrays.copyOf(echo.answer, 8 + BenchData.SMALL_SIZE)).isEqualTo(RawPipeBench.smallFrame());
      }
    } finally {
      echo.stop();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "ospipe"})
  void inProcessBenchmarksRoundTripAgainstAServerThread(String channel) throws Exception {
    InProcessBench bench = new InProcessBench();
    InProcessBench.Server server = new InProcessBench.Server();
    server.channel = channel;
    server.start();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(bench.preimage100(server)).isEqualTo(BenchData.SMALL);
        assertThat(bench.preimage128k(server)).isEqualTo(BenchData.LARGE);
        bench.hint(server);
      }
    } finally {
      server.stop(); // throws if the server failed or did not end
    }
    assertThat(server.serverThread.isAlive()).isFalse();
  }

  @Test
  void protocolCodeBenchmarksServeAndReadTheSmallPreimage() {
    ProtocolCodeBench bench = new ProtocolCodeBench();
    ProtocolCodeBench.Sides sides = new ProtocolCodeBench.Sides();
    for (int i = 0; i < ROUNDS; i++) {
      assertThat(bench.serverRequest(sides)).isTrue();
      assertThat(bench.clientRequest(sides)).isEqualTo(BenchData.SMALL);
    }
    assertThat(sides.server.requests()).isEqualTo(ROUNDS);
    assertThat(sides.server.bytesServed()).isEqualTo((long) ROUNDS * BenchData.SMALL_SIZE);
  }

  /** The host-command property puts the JMH client against another host; here a second BenchHost JVM. */
  @Test
  void crossProcessBenchmarkRunsAgainstTheHostCommandGiven() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CrossProcessBench.Host host = startWithHostCommand(
        String.join(",", java, "-cp", System.getProperty("java.class.path"), BenchHost.class.getName()));
    try {
      assertThat(new CrossProcessBench().preimage100(host)).isEqualTo(BenchData.SMALL);
    } finally {
      host.stop();
    }
  }

  /** The C halves of bench/c/pingpong.c, which compare.sh pairs with the Java sides. */
  @Test
  void cHalvesServeAndDriveRealHosts() throws Exception {
    Path pingpong = compilePingpong();
    String key = BenchData.SMALL_KEY.hex();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Run cToC = run(pingpong.toString(), "client", "100", "200", "20", "1", key, pingpong.toString(), "host", "100");
    assertThat(cToC.exit).as(cToC.output).isZero();
    assertThat(cToC.output).contains("result: mode=greedy payload=100 median_us=");

    Run cToJava = run(pingpong.toString(), "client", "100", "200", "20", "1", key,
        java, "-cp", System.getProperty("java.class.path"), BenchHost.class.getName());
    assertThat(cToJava.exit).as(cToJava.output).isZero();
    assertThat(cToJava.output).contains("result: mode=greedy payload=100 median_us=");

    Run badKey = run(pingpong.toString(), "client", "100", "200", "20", "1", "0x02", pingpong.toString(), "host", "100");
    assertThat(badKey.exit).isEqualTo(2);
    assertThat(badKey.output).contains("a key is 64 hex digits, got '0x02'");

    // A host that leaves at once: the client says so and fails instead of waiting for an answer.
    Run gone = run(pingpong.toString(), "client", "100", "200", "20", "1", key, "true");
    assertThat(gone.exit).as(gone.output).isEqualTo(2);
    assertThat(gone.output).containsAnyOf("client read length: the server closed its end after 0 bytes", "write: Broken pipe");
  }

  /** The JMH client against the C host, as compare.sh runs it: the C host's frame is 100 bytes of i*31+7. */
  @Test
  void crossProcessBenchmarkReadsTheCHost() throws Exception {
    Path pingpong = compilePingpong();
    CrossProcessBench.Host host = startWithHostCommand(pingpong + ",host,100");
    try {
      byte[] got = new CrossProcessBench().preimage100(host);
      assertThat(got).hasSize(100);
      for (int i = 0; i < got.length; i++) assertThat(got[i]).isEqualTo((byte) (i * 31 + 7));
    } finally {
      host.stop();
    }
  }

  /** A benchmark host started from {@link BenchHost#HOST_COMMAND_PROPERTY}, which is cleared again at once. */
  private static CrossProcessBench.Host startWithHostCommand(String command) throws IOException {
    System.setProperty(BenchHost.HOST_COMMAND_PROPERTY, command);
    CrossProcessBench.Host host = new CrossProcessBench.Host();
    try {
      host.start();
    } finally {
      System.clearProperty(BenchHost.HOST_COMMAND_PROPERTY);
    }
    return host;
  }

  private record Run(int exit, String output) {}

  private static Run run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s ended", List.of(command)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static Path compilePingpong() throws IOException, InterruptedException {
    Path source = Path.of("c", "pingpong.c").toAbsolutePath();
    Path binary = Path.of("target", "test-pingpong").toAbsolutePath();
    List<String> gcc = new ArrayList<>(List.of("gcc", "-O2", "-Wall", "-Werror", "-o", binary.toString(), source.toString()));
    Process p;
    try {
      p = new ProcessBuilder(gcc).redirectErrorStream(true).start();
    } catch (IOException noGcc) {
      assumeTrue(false, "gcc is not installed: " + noGcc.getMessage());
      throw noGcc;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("gcc: %s", out).isZero();
    assertThat(Files.isExecutable(binary)).isTrue();
    return binary;
  }

  @Test
  void theStoreRefusesAnUnknownKeyByName() {
    var unknown = io.fpp4j.preimage.PreimageKey.local(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchData.fetcher().getPreimage(unknown))
        .hasMessageContaining(unknown.toString());
  }
}
