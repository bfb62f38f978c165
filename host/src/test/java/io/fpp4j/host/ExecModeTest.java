package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in exec mode: a real Java client in a child process on descriptors 3 to 6. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExecModeTest {
  @TempDir Path tmp;

  record Run(int exitCode, RunOutcome outcome, String childStdout, String childStderr, String cliErr) {}

  Run run(List<String> args) throws IOException {
    Path out = tmp.resolve("child-out"), err = tmp.resolve("child-err");
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    HostWiring wiring = HostWiring.defaults().withStores(TestStores.opener())
        .withStreams(System.out, System.err, ProcessBuilder.Redirect.to(out.toFile()), ProcessBuilder.Redirect.to(err.toFile()))
        .withOutcomes(outcome::set);
    StringWriter cliErr = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), wiring, new PrintWriter(new StringWriter()), new PrintWriter(cliErr));
    return new Run(code, outcome.get(), Files.exists(out) ? Files.readString(out) : "",
        Files.exists(err) ? Files.readString(err) : "", cliErr.toString());
  }

  List<String> serve(Path store, String claim, String... programArgs) {
    List<String> args = new ArrayList<>(List.of("host", "serve", "--exec", Fixture.java(), "--data-dir", store.toString()));
    args.addAll(Fixture.localKeys(claim));
    args.addAll(List.of("--", "-cp", Fixture.classPath(), ClaimProgram.class.getName()));
    args.addAll(List.of(programArgs));
    return args;
  }

  @Test
  void validClaimExitsZeroWithTheSummary() throws IOException {
    Run r = run(serve(Fixture.store(tmp.resolve("db")), Fixture.claimHex()));
    assertThat(r.exitCode()).as(r.childStderr()).isEqualTo(HostExitCode.VALID);
    assertThat(r.outcome().summary()).containsExactly(
        "local keys: indices 1, 3, 4",
        "verdict: valid claim (program exit 0)",
        "served 4 preimages (92 B) and 1 hints",
        r.outcome().summary().get(3),
        "exit 0 (valid claim)");
    assertThat(r.outcome().summary().get(3)).startsWith("time ");
  }

  @Test
  void invalidClaimExitsOne() throws IOException {
    Run r = run(serve(Fixture.store(tmp.resolve("db")), Fixture.WRONG_CLAIM));
    assertThat(r.exitCode()).isEqualTo(HostExitCode.INVALID);
    assertThat(r.childStderr()).isEqualTo("Claim is invalid.\n");
    assertThat(r.outcome().summary()).contains("verdict: invalid claim (program exit 1)", "exit 1 (invalid claim)");
  }

  @Test
  void programFailureExitsTwo() throws IOException {
    Run r = run(serve(Fixture.store(tmp.resolve("db")), Fixture.claimHex(), "crash"));
    assertThat(r.exitCode()).isEqualTo(HostExitCode.PROGRAM_FAILURE);
    assertThat(r.childStderr()).startsWith("Program failed: java.lang.IllegalStateException: asked to crash");
    assertThat(r.outcome().hostFailure()).isNull();
  }

  @Test
  void anExitCodeOutsideTheContractIsAProgramFailure() throws IOException {
    Run r = run(serve(Fixture.store(tmp.resolve("db")), Fixture.claimHex(), "exit", "101"));
    assertThat(r.exitCode()).isEqualTo(HostExitCode.PROGRAM_FAILURE);
    assertThat(r.outcome().summary()).contains("verdict: program failure (it exited with unexpected code 101) (program exit 101)");
  }

  @Test
  void aMissingPreimageIsAHostFailureAndTheProgramsExitIsReportedBesideIt() throws IOException {
    Run r = run(serve(Fixture.emptyStore(tmp.resolve("db")), Fixture.claimHex()));
    assertThat(r.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.outcome().programExit()).isEqualTo(2);
    assertThat(r.childStderr()).startsWith("Program failed: io.fpp4j.preimage.ChannelClosedException");
    String hint = Fixture.INPUT_HINT;
    assertThat(r.outcome().summary()).contains(
        "verdict: program failure (program exit 2), after the host stopped serving it: a consequence of the host failure, not a verdict",
        "HOST FAILURE: preimage " + Fixture.INPUT_KEY.hex() + " is not in test-json:" + tmp.resolve("db")
            + ", and this host is offline (no RPC endpoints), so it cannot fetch it; last hint: '" + hint + "'",
        "exit 3 (host failure)");
  }

  @Test
  void aStoreThatCannotOpenIsAHostFailureAndTheProgramNeverRuns() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    Run r = run(serve(tmp.resolve("empty"), Fixture.claimHex()));
    assertThat(r.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.outcome().summary()).contains("verdict: none (the program did not run)",
        "HOST FAILURE: cannot open the store in " + tmp.resolve("empty") + ": test store " + tmp.resolve("empty")
            + " has no preimages.json (asked for format 'directory')");
    assertThat(r.childStderr()).isEmpty();
  }

  @Test
  void konaSingleDialectServesKonasLocalKeysToAChild() throws IOException {
    Path db = Fixture.store(tmp.resolve("db"));
    List<String> args = new ArrayList<>(List.of("host", "single", "--exec", Fixture.java(),
        "--l1-head", Hex.prefixed(Fixture.INPUT_HASH), "--l2-head", "0x" + "22".repeat(32),
        "--l2-output-root", "0x" + "33".repeat(32), "--l2-claim", Fixture.claimHex(), "--l2-block-number", "8",
        "--l2-chain-id", "10", "--data-dir", db.toString(), "--", "-cp", Fixture.classPath(), ClaimProgram.class.getName()));
    Run r = run(args);
    assertThat(r.exitCode()).as(r.childStderr()).isEqualTo(0);
    assertThat(r.outcome().summary().get(0)).isEqualTo("claim " + Fixture.claimHex() + " at L2 block 8 (agreed output 0x"
        + "33".repeat(32) + ", L1 head " + Hex.prefixed(Fixture.INPUT_HASH) + ")");
  }

  @Test
  void opProgramDialectInvalidClaimAndMissingData() throws IOException {
    List<String> base = List.of("host", "op-program", "--exec", Fixture.java(),
        "--l1.head", Hex.prefixed(Fixture.INPUT_HASH), "--l2.head", "0x" + "22".repeat(32),
        "--l2.outputroot", "0x" + "33".repeat(32), "--l2.blocknumber", "8", "--network", "10");
    List<String> invalid = new ArrayList<>(base);
    invalid.addAll(List.of("--l2.claim", Fixture.WRONG_CLAIM, "--datadir", Fixture.store(tmp.resolve("db")).toString(),
        "--", "-cp", Fixture.classPath(), ClaimProgram.class.getName()));
    assertThat(run(invalid).exitCode()).isEqualTo(HostExitCode.INVALID);
    List<String> missing = new ArrayList<>(base);
    missing.addAll(List.of("--l2.claim", Fixture.claimHex(), "--datadir", Fixture.emptyStore(tmp.resolve("db2")).toString(),
        "--", "-cp", Fixture.classPath(), ClaimProgram.class.getName()));
    Run r = run(missing);
    assertThat(r.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.outcome().programExit()).isEqualTo(2);
  }

  @Test
  void aProgramThatCannotBeExecutedFailsTheProgramNotTheHost() throws IOException {
    // The shell opens descriptors 3 to 6, then cannot exec the file: exit 126, which is a program failure.
    Path script = Files.writeString(tmp.resolve("client.sh"), "#!/nonexistent/interpreter\n");
    script.toFile().setExecutable(true);
    List<String> args = new ArrayList<>(List.of("host", "serve", "--exec", script.toString()));
    Run r = run(args);
    assertThat(r.outcome().programExit()).isIn(126, 127);
    assertThat(r.exitCode()).isEqualTo(HostExitCode.PROGRAM_FAILURE);
    assertThat(r.outcome().summary()).anyMatch(l -> l.startsWith("verdict: program failure (it exited with unexpected code 12"));
  }

  @Test
  void usageErrorsExitFourAndSayWhy() throws IOException {
    Run r = run(List.of("host", "serve"));
    assertThat(r.exitCode()).isEqualTo(HostExitCode.USAGE);
    assertThat(r.cliErr()).isEqualTo("error: one of --exec, --server or --native is required" + System.lineSeparator()
        + "Run 'fpp4j host serve --help' for usage." + System.lineSeparator());
    assertThat(r.outcome()).isNull();
    Run r2 = run(List.of("host", "serve", "--exec", "/bin/true", "--local-key", "1=0xzz"));
    assertThat(r2.exitCode()).isEqualTo(HostExitCode.USAGE);
    assertThat(r2.cliErr()).startsWith("error: invalid --local-key '1=0xzz': invalid hex character 'z'");
    assertThat(run(List.of()).exitCode()).isEqualTo(HostExitCode.USAGE);
    assertThat(run(List.of("host", "bogus")).exitCode()).isEqualTo(HostExitCode.USAGE);
  }

  @Test
  void helpDocumentsTheExitCodes() {
    StringWriter out = new StringWriter();
    int code = Main.run(new String[] {"host", "single", "--help"}, HostWiring.defaults(), new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--l2-head, --agreed-l2-head-hash=HASH", "Env AGREED_L2_HEAD_HASH", "Exit codes:",
        "  3  the host failed", "  4  invalid command line");
  }
}
