package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.testkit.devnet.DevnetFixture;
import io.fpp4j.testkit.devnet.OpProgramOfflineFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * op-program v1.19.0's real client (Go module proxy, {@code setup-peers.sh op-program}) proving the real devnet
 * claim offline, served by fpp4j's host as real processes, through {@code ./fpp4j host op-program} and through
 * the {@code bin/op-program} launcher; and, as the reference verdicts, served by op-program's own host on the
 * same data and the same argument list, so that a failure of fpp4j's host can be told apart from a problem with
 * the data or the client.
 *
 * <p>The data is {@code fp-tests-devnet} prepared by {@link DevnetFixture} (into {@code target/devnet-fixture},
 * reused by later runs). Each run's output is kept under {@code target/op-program-runs/<host>/<case>/}. The wall
 * time of every run is printed (for issue 15's speed comparison), never asserted: the machine is shared.
 */
@Timeout(value = 900, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpProgramClientTest {
  /** One run of op-program's client may take a while on a loaded machine; a hang must still end the test. */
  private static final long RUN_TIMEOUT_SECONDS = 300;

  /** The three ways of serving the client; all take op-program's flag dialect. */
  enum Host {
    FPP4J("fpp4j host op-program"),
    FPP4J_LAUNCHER("bin/op-program (fpp4j)"),
    OP_PROGRAM("op-program v1.19.0 host");

    final String label;

    Host(String label) {
      this.label = label;
    }
  }

  private static OpProgramPeer.Binaries peer;
  private static DevnetFixture.Prepared fixture;
  private static final Map<String, Long> WALL_MILLIS = new ConcurrentHashMap<>();

  @BeforeAll
  static void buildAndPrepare() throws IOException, InterruptedException {
    peer = OpProgramPeer.build();
    fixture = DevnetFixture.prepare(Peers.moduleDir().resolve("target").resolve("devnet-fixture"));
  }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    // The reference host first for each case, so its verdict is in the log before fpp4j's.
    for (String name : DevnetFixture.CASES) {
      for (Host host : List.of(Host.OP_PROGRAM, Host.FPP4J, Host.FPP4J_LAUNCHER)) runs.add(Arguments.of(host, name));
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} serving op-program v1.19.0's client on {1}")
  @MethodSource("runs")
  void clientGivesTheFixturesVerdict(Host host, String caseName) throws IOException, InterruptedException {
    DevnetFixture.Case c = fixture.cases().get(caseName);
    Path dir = Files.createDirectories(Peers.moduleDir().resolve("target/op-program-runs")
        .resolve(host.name().toLowerCase()).resolve(caseName));
    List<String> command = new ArrayList<>(hostCommand(host));
    command.addAll(OpProgramOfflineFlags.of(fixture, c, peer.client()));

    Map<String, String> env = host == Host.OP_PROGRAM ? Map.of()
        // The reactor's class path, so the launchers run this build's host without packaging it.
        : Map.of("FPP4J_CLASSPATH", System.getProperty("java.class.path"));
    Run run = run(command, dir, env, host.label + " on " + caseName);
    Process p = run.process();
    long millis = run.millis();
    WALL_MILLIS.put(host.label + " / " + caseName, millis);
    System.out.printf("op-program client: %-26s %-20s exit %d, wall %,d ms%n", host.label, caseName, p.exitValue(), millis);

    assertThat(p.exitValue())
        .as("%s serving op-program's client on %s (expected-status %d); command in %s, stderr:%n%s", host.label,
            caseName, c.expectedStatus(), dir.resolve("command.txt"), tail(dir.resolve("stderr.txt")))
        .isEqualTo(c.expectedStatus());
    // op-program's host exits 1 for a failure too: the client's own log line tells a refused claim from a crash.
    // The output root it derived must be the true one (basic-success's claim) in either case.
    String log = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)
        + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertThat(log).as("op-program's client log in %s", dir)
        .contains("msg=\"Validating claim\" output=" + fixture.basicSuccess().l2Claim() + " claim=" + c.l2Claim());
  }

  @AfterAll
  static void printWallTimes() {
    if (WALL_MILLIS.isEmpty()) return;
    System.out.println("op-program client wall times (one run each, shared machine; not asserted):");
    WALL_MILLIS.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> System.out.printf("  %-50s %,8d ms%n", e.getKey(), e.getValue()));
  }

  /** The host's own command, before the op-program flags every host is given. */
  private static List<String> hostCommand(Host host) {
    Path root = repositoryRoot();
    return switch (host) {
      case FPP4J -> List.of(root.resolve("fpp4j").toString(), "host", "op-program");
      case FPP4J_LAUNCHER -> List.of(root.resolve("bin").resolve("op-program").toString());
      case OP_PROGRAM -> List.of(peer.host().toString());
    };
  }

  /**
   * The other direction: op-program's own host (v1.19.0) runs fpp4j's program ({@code bin/fpp4j-program}, since
   * op-program's {@code --exec} takes one path and no arguments) on the same data and flags. Its verdict and the
   * output root it computes must be op-program's.
   */
  @ParameterizedTest(name = "op-program v1.19.0's host running fpp4j's program on {0}")
  @MethodSource("cases")
  void opProgramsHostRunsFpp4jsProgram(String caseName) throws IOException, InterruptedException {
    DevnetFixture.Case c = fixture.cases().get(caseName);
    Path dir = Files.createDirectories(Peers.moduleDir().resolve("target/op-program-runs/fpp4j-program").resolve(caseName));
    List<String> command = new ArrayList<>(List.of(peer.host().toString()));
    command.addAll(OpProgramOfflineFlags.of(fixture, c, repositoryRoot().resolve("bin").resolve("fpp4j-program")));
    // The program runs on this build's classes, without packaging the client module.
    Run run = run(command, dir, Map.of("FPP4J_CLIENT_CLASSPATH", System.getProperty("java.class.path")),
        "op-program's host running fpp4j's program on " + caseName);
    Process p = run.process();
    long millis = run.millis();
    WALL_MILLIS.put("op-program host, fpp4j program / " + caseName, millis);
    System.out.printf("fpp4j program: op-program v1.19.0 host   %-20s exit %d, wall %,d ms%n", caseName, p.exitValue(), millis);

    assertThat(p.exitValue())
        .as("op-program's host running fpp4j's program on %s (expected-status %d); command in %s, stderr:%n%s",
            caseName, c.expectedStatus(), dir.resolve("command.txt"), tail(dir.resolve("stderr.txt")))
        .isEqualTo(c.expectedStatus());
    // Either way the program computed the true output root of the claimed block (basic-success's claim).
    String log = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)
        + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertThat(log).as("fpp4j program's output in %s", dir)
        .contains("output root of L2 block " + c.l2BlockNumber() + ": " + fixture.basicSuccess().l2Claim());
  }

  static Stream<String> cases() {
    return DevnetFixture.CASES.stream();
  }

  /** A finished run and its wall time. */
  private record Run(Process process, long millis) {}

  /**
   * Runs {@code command} in the repository with no standard input, its output in {@code dir}, and {@code env} added
   * to an environment without an operator's {@code OP_PROGRAM_*} variables (they would add flags the run does not
   * show) and with this JVM first on PATH. A run that outlives {@link #RUN_TIMEOUT_SECONDS} is killed and fails.
   */
  private static Run run(List<String> command, Path dir, Map<String, String> env, String what)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(repositoryRoot().toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("OP_PROGRAM_"));
    pb.environment().putAll(env);
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(what + " did not finish within " + RUN_TIMEOUT_SECONDS + " s; output in " + dir);
    }
    return new Run(p, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private static Path repositoryRoot() {
    return Peers.moduleDir().getParent();
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
