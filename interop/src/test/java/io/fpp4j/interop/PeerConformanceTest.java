package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.interop.ConformanceReport.Cell;
import io.fpp4j.interop.ConformanceReport.Status;
import io.fpp4j.interop.Peers.Kind;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * The conformance matrix: every scenario in every direction between the fpp4j peer and the real
 * kona-preimage and op-preimage peers, byte for byte, plus a three-way check of every scenario key's
 * construction. Writes {@code docs/interop.md} after a full run.
 */
class PeerConformanceTest {

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  static void buildPeers() throws Exception {
    Peers.build();
  }

  static List<String> scenarioNames() throws IOException {
    try (Stream<Path> files = Files.list(Peers.scenarioDir())) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".scn"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    }
  }

  static Stream<Arguments> cells() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String s : scenarioNames()) for (Direction d : Direction.values()) all.add(Arguments.of(s, d));
    return all.stream();
  }

  static Stream<Arguments> keyBuilders() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String s : scenarioNames()) for (Kind k : Kind.values()) all.add(Arguments.of(s, k));
    return all.stream();
  }

  private static Scenario scenario(String name) throws IOException {
    return Scenario.load(Peers.scenarioDir().resolve(name + ".scn"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cells")
  @Timeout(value = 300, threadMode = ThreadMode.SEPARATE_THREAD)
  void scenarioRunsIdenticallyInEveryDirection(String name, Direction direction) throws Exception {
    Scenario scenario = scenario(name);
    try {
      Peers.assumeAvailable(direction.host);
      Peers.assumeAvailable(direction.client);
    } catch (TestAbortedException e) {
      ConformanceReport.matrix(scenario, direction, new Cell(Status.SKIPPED, e.getMessage()));
      throw e;
    }
    Expected expected = Expected.of(scenario);
    String path = Peers.scenarioDir().resolve(name + ".scn").toString();
    Path dir = Peers.moduleDir().resolve("target/interop-runs").resolve(name).resolve(direction.name().toLowerCase());
    List<String> clientCmd = Peers.command(direction.client, "client", path);
    Runs.Result result = switch (direction.hostMode) {
      case PROCESS -> Runs.pair(Peers.command(direction.host, "server", path), clientCmd, dir);
      case JAVA_LOOPS -> Runs.javaHost(scenario, clientCmd, dir, false);
      case JAVA_PREIMAGE_SERVER -> Runs.javaHost(scenario, clientCmd, dir, true);
    };

    List<String> problems = direction.hostMode == Direction.HostMode.JAVA_PREIMAGE_SERVER
        ? compareWithPreimageServer(expected, scenario, result)
        : compare(expected, result);
    ConformanceReport.matrix(scenario, direction, problems.isEmpty()
        ? new Cell(Status.PASS, "")
        : new Cell(Status.FAIL, String.join("; ", problems) + "; server said: " + abbreviate(result.serverErr())));
    assertThat(problems)
        .as("%s, %s (outputs kept in %s)\nclient stderr: %s\nserver stderr: %s", name, direction.label, dir,
            abbreviate(result.clientErr()), abbreviate(result.serverErr()))
        .isEmpty();
  }

  /** Every difference between what the scenario prescribes and what the run produced. */
  static List<String> compare(Expected expected, Runs.Result actual) {
    List<String> problems = new ArrayList<>(actual.notes());
    if (actual.clientExit() != expected.clientExit()) {
      problems.add("client exit " + actual.clientExit() + ", expected " + expected.clientExit());
    }
    if (!actual.clientOut().equals(expected.clientOut())) {
      problems.add("client output differs: " + firstDifference(expected.clientOut().lines().toList(), actual.clientOut().lines().toList()));
    }
    if (actual.serverExit() != expected.serverExit()) {
      problems.add("server exit " + actual.serverExit() + ", expected " + expected.serverExit());
    }
    if (!actual.serverRecord().equals(expected.serverRecord())) {
      problems.add("server record differs: " + firstDifference(expected.serverRecord(), actual.serverRecord()));
    }
    PreimageKey refused = expected.refusedKey();
    if (refused != null && !actual.serverErr().toLowerCase().contains(Hex.encode(refused.bytes()))) {
      problems.add("server error does not name the refused key " + refused + ": " + abbreviate(actual.serverErr()));
    }
    return problems;
  }

  /**
   * {@code PreimageServer} does not pass hints it could not decode to its caller, so those record lines are
   * dropped from the expectation; instead, after a clean end, its count of hints read must cover them.
   */
  static List<String> compareWithPreimageServer(Expected expected, Scenario scenario, Runs.Result actual) {
    List<String> record = expected.serverRecord().stream().filter(l -> !l.equals("hint-invalid-utf8")).toList();
    Expected adjusted = new Expected(expected.clientOut(), expected.clientExit(), record, expected.serverExit(),
        expected.refusedKey());
    List<String> problems = compare(adjusted, actual);
    if (expected.refusedKey() == null) {
      long hints = scenario.steps().stream().filter(s -> s instanceof Scenario.Hint).count();
      if (actual.hintsRead() != hints) {
        problems.add("PreimageServer read " + actual.hintsRead() + " hints, the scenario sends " + hints);
      }
    }
    return problems;
  }

  private static String firstDifference(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "<none>";
      String a = i < actual.size() ? actual.get(i) : "<none>";
      if (!e.equals(a)) {
        return "line " + (i + 1) + " is '" + abbreviate(a) + "', expected '" + abbreviate(e) + "' (" + actual.size()
            + " lines, expected " + expected.size() + ")";
      }
    }
    return "line endings differ";
  }

  @ParameterizedTest(name = "{0}: keys built by {1}")
  @MethodSource("keyBuilders")
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void everyOriginKeyIsRebuiltByEachImplementation(String name, Kind builder) throws Exception {
    Scenario scenario = scenario(name);
    try {
      Peers.assumeAvailable(builder);
    } catch (TestAbortedException e) {
      ConformanceReport.keys(scenario, builder, new Cell(Status.SKIPPED, e.getMessage()));
      throw e;
    }
    List<String> expected = new ArrayList<>();
    for (Scenario.Origin o : scenario.origins()) expected.add("origin " + o.key() + " " + o.key());
    List<String> actual;
    if (builder == Kind.JAVA) {
      actual = new ArrayList<>();
      for (Scenario.Origin o : scenario.origins()) actual.add("origin " + o.key() + " " + JavaPeer.OriginKeys.derive(o));
    } else {
      Process p = new ProcessBuilder(Peers.command(builder, "keys", Peers.scenarioDir().resolve(name + ".scn").toString()))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s keys finished", builder.label).isTrue();
      assertThat(p.exitValue()).as("%s keys exit status; output: %s", builder.label, out).isZero();
      actual = out.lines().toList();
    }
    boolean same = actual.equals(expected);
    ConformanceReport.keys(scenario, builder, same
        ? new Cell(Status.PASS, "")
        : new Cell(Status.FAIL, firstDifference(expected, actual)));
    assertThat(actual).as("keys of %s rebuilt by %s", name, builder.label).isEqualTo(expected);
  }

  @AfterAll
  static void writeReport() throws IOException {
    List<String> scenarios = scenarioNames();
    if (ConformanceReport.complete(scenarios)) {
      ConformanceReport.write(Peers.moduleDir().getParent().resolve("docs/interop.md"), scenarios);
    } else {
      System.out.println("PeerConformanceTest: not every cell ran (filtered run?); docs/interop.md left unchanged");
    }
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "...";
  }
}
