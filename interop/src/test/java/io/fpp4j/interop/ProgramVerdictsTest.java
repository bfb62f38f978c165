package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.host.cli.Main;
import io.fpp4j.interop.ProgramOutcome.Verdict;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.testkit.devnet.DevnetFixture;
import io.fpp4j.testkit.devnet.OpProgramOfflineFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three fault-proof programs of issue 14 on the same prepared fp-tests-devnet data, scenario by scenario: fpp4j's
 * program and the Kona peer program ({@code interop/kona-program}) served by fpp4j's host, op-program v1.19.0's
 * client served by op-program's own host. Each must reach the expected verdict, on the expected L2 block, with the
 * expected output root, and so all three agree. A full run (every scenario) writes its table into
 * {@code docs/interop.md} ({@link VerdictTable}).
 *
 * <p>Peers are built or found up to date through {@code setup-peers.sh}, as the other interop tests do: the tests skip
 * when go or cargo is absent or cannot download, and fail on any other build failure. Each run's output is kept
 * under {@code target/program-verdicts/<scenario>/<program>/}.
 */
@Timeout(value = 1800, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProgramVerdictsTest {
  private static final long RUN_TIMEOUT_SECONDS = 300;
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CP = System.getProperty("java.class.path");
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Program {
    FPP4J("fpp4j's program (fpp4j host)"),
    OP_PROGRAM("op-program v1.19.0 (its own host)"),
    KONA("Kona peer (fpp4j host)");

    final String label;

    Program(String label) {
      this.label = label;
    }
  }

  /**
   * One set of boot inputs and what every program must conclude. {@code l1HeadNumber} is for the table; the hash is
   * what the programs get.
   */
  record Scenario(String name, String what, long l1HeadNumber, Bytes32 l1Head, long claimedBlock, Bytes32 claim,
                  ProgramOutcome expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static DevnetFixture.Prepared fixture;
  private static OpProgramPeer.Binaries opProgram;
  private static Path kona;
  private static List<Scenario> scenarios;
  private static final Map<String, Map<Program, ProgramOutcome>> OUTCOMES = new LinkedHashMap<>();

  @BeforeAll
  static void setUp() throws IOException, InterruptedException {
    opProgram = OpProgramPeer.build();
    kona = KonaProgramPeer.build();
    fixture = DevnetFixture.prepare(Peers.moduleDir().resolve("target").resolve("devnet-fixture"));
    scenarios = scenarios(fixture);
  }

  /**
   * The fixture's two claims under its own L1 head (block 38), then the true claim under earlier L1 heads around the
   * block that carries L2 block 20's batch (L1 block 19), and the claims at the agreed block (trace extension).
   */
  static List<Scenario> scenarios(DevnetFixture.Prepared f) throws IOException {
    DevnetFixture.Case success = f.basicSuccess();
    DevnetFixture.Case faulty = f.basicFaultyClaim();
    long target = success.l2BlockNumber();
    long agreed = header(f, success.l2Head()).number();
    Bytes32 trueRoot = success.l2Claim();
    Bytes32 agreedRoot = success.l2OutputRoot();
    Header head = header(f, success.l1Head());
    ProgramOutcome holds = new ProgramOutcome(Verdict.VALID, target, trueRoot.toHex(), null);
    ProgramOutcome refuted = new ProgramOutcome(Verdict.INVALID, target, trueRoot.toHex(), null);
    return List.of(
        new Scenario(success.name(), "the true claim", head.number(), success.l1Head(), target, trueRoot, holds),
        new Scenario(faulty.name(), "a false claim", head.number(), faulty.l1Head(), target, faulty.l2Claim(), refuted),
        new Scenario("l1-head-20-true", "the true claim, L1 head 20", 20, l1Hash(f, head, 20), target, trueRoot, holds),
        new Scenario("l1-head-20-false", "a false claim, L1 head 20", 20, l1Hash(f, head, 20), target, faulty.l2Claim(), refuted),
        new Scenario("l1-head-19-true", "the true claim, L1 head 19 (holds L2 block " + target + "'s batch)", 19,
            l1Hash(f, head, 19), target, trueRoot, holds),
        new Scenario("l1-head-18-true", "the true claim, L1 head 18 (before that batch)", 18, l1Hash(f, head, 18),
            target, trueRoot, new ProgramOutcome(Verdict.INVALID, agreed, agreedRoot.toHex(), null)),
        new Scenario("trace-extension-true", "claim at the agreed block " + agreed + ", its output root", head.number(),
            success.l1Head(), agreed, agreedRoot, new ProgramOutcome(Verdict.VALID, agreed, agreedRoot.toHex(), null)),
        new Scenario("trace-extension-false", "claim at the agreed block " + agreed + ", block " + target + "'s root",
            head.number(), success.l1Head(), agreed, trueRoot,
            new ProgramOutcome(Verdict.INVALID, agreed, agreedRoot.toHex(), null)));
  }

  static Stream<Scenario> scenarioStream() throws IOException {
    // Parameter sources run before @BeforeAll: prepare here too (idempotent, returns at once when done).
    DevnetFixture.Prepared f = DevnetFixture.prepare(Peers.moduleDir().resolve("target").resolve("devnet-fixture"));
    return scenarios(f).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioStream")
  void theThreeProgramsAgree(Scenario s) throws Exception {
    Map<Program, ProgramOutcome> got = new EnumMap<>(Program.class);
    for (Program p : Program.values()) {
      ProgramOutcome o = run(p, s);
      System.out.printf("%-22s %-34s %s%n", s.name(), p.label, o.summary());
      got.put(p, o);
    }
    synchronized (OUTCOMES) {
      OUTCOMES.put(s.name(), got);
    }
    assertThat(got.values().stream().map(ProgramOutcome::summary).distinct())
        .as("%s: the three programs disagree: %s (output under %s)", s.name(), got, runDir(s, null))
        .hasSize(1);
    assertThat(got.get(Program.FPP4J).summary()).as(s.name()).isEqualTo(s.expected().summary());
  }

  @AfterAll
  static void writeTable() throws IOException {
    if (scenarios == null || !OUTCOMES.keySet().containsAll(scenarios.stream().map(Scenario::name).toList())) {
      System.out.println("ProgramVerdictsTest: not every scenario ran (filtered run?); docs/interop.md left unchanged");
      return;
    }
    VerdictTable.write(Peers.moduleDir().getParent().resolve("docs/interop.md"), scenarios, OUTCOMES);
  }

  private static ProgramOutcome run(Program p, Scenario s) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(runDir(s, p));
    return switch (p) {
      case FPP4J -> {
        Run r = exec(fpp4jHost(s, dir, Peers.moduleDir().getParent().resolve("bin/fpp4j-program")), dir,
            Map.of("FPP4J_CLIENT_CLASSPATH", CP));
        yield r == null ? ProgramOutcome.failed("timed out") : ProgramOutcome.fromFpp4jHost(r.exit, r.log);
      }
      case KONA -> {
        Run r = exec(fpp4jHost(s, dir, kona), dir, Map.of());
        yield r == null ? ProgramOutcome.failed("timed out") : ProgramOutcome.fromFpp4jHost(r.exit, r.log);
      }
      case OP_PROGRAM -> {
        Run r = exec(opProgramHost(s), dir, Map.of());
        yield r == null ? ProgramOutcome.failed("timed out") : ProgramOutcome.fromOpProgram(r.exit, r.log);
      }
    };
  }

  private static Path runDir(Scenario s, Program p) {
    Path scenario = Peers.moduleDir().resolve("target/program-verdicts").resolve(s.name());
    return p == null ? scenario : scenario.resolve(p.name().toLowerCase());
  }

  /** {@code java ... Main host serve} with the case's Kona-map local keys, the scenario's inputs written over them. */
  private static List<String> fpp4jHost(Scenario s, Path dir, Path program) throws IOException {
    ObjectNode keys = (ObjectNode) JSON.readTree(fixture.basicSuccess().konaLocalKeys().toFile());
    keys.put("1", s.l1Head().toHex());
    keys.put("3", s.claim().toHex());
    keys.put("4", String.format("0x%016x", s.claimedBlock()));
    Path localKeys = dir.resolve("local-keys.json");
    JSON.writeValue(localKeys.toFile(), keys);
    return List.of(JAVA, "-cp", CP, Main.class.getName(), "host", "serve", "--data-dir", fixture.dataDir().toString(),
        "--local-keys", localKeys.toString(), "--exec", program.toString());
  }

  /** op-program's host and client, offline on the same data, with the scenario's L1 head, claim and block. */
  private static List<String> opProgramHost(Scenario s) {
    DevnetFixture.Case c = fixture.basicSuccess();
    List<String> command = new ArrayList<>(List.of(opProgram.host().toString()));
    command.addAll(OpProgramOfflineFlags.of(fixture,
        new OpProgramOfflineFlags.Inputs(s.l1Head(), c.l2Head(), c.l2OutputRoot(), s.claim(), s.claimedBlock()),
        fixture.dataDir(), "file", opProgram.client()));
    return command;
  }

  private record Run(int exit, String log) {}

  /** Runs a host with no input and its output kept in {@code dir}; null when it outlives the timeout (killed). */
  private static Run exec(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(Peers.moduleDir().getParent().toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    // An operator's OP_PROGRAM_* or FPP4J_KONA_LOG would change what the runs print.
    pb.environment().keySet().removeIf(k -> k.startsWith("OP_PROGRAM_") || k.equals("FPP4J_KONA_LOG"));
    pb.environment().putAll(env);
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return null;
    }
    return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)
        + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  /** A header the prepared data holds, by hash. */
  private static Header header(DevnetFixture.Prepared f, Bytes32 hash) throws IOException {
    byte[] rlp = DevnetFixture.read(f.dataDir(), PreimageKey.keccak256(hash));
    if (rlp == null) throw new IOException("the prepared data has no header " + hash);
    return Header.decode(rlp);
  }

  /** The hash of L1 block {@code number} on the chain ending at {@code head}, walking parent hashes. */
  private static Bytes32 l1Hash(DevnetFixture.Prepared f, Header head, long number) throws IOException {
    if (number > head.number()) throw new IllegalArgumentException("L1 block " + number + " is after the head " + head.number());
    Header h = head;
    Bytes32 hash = head.hash();
    while (h.number() > number) {
      hash = h.parentHash();
      h = header(f, hash);
    }
    return hash;
  }
}
