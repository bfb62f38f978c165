package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.preimage.IncorrectPreimageDataException;
import io.fpp4j.preimage.KeyNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI in native mode: a Java program on a thread of the host's JVM, by direct calls, over OS pipes or over in-memory channels. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NativeModeTest {
  @TempDir Path tmp;

  record Run(int exitCode, RunOutcome outcome, String programErr) {}

  Run run(Path store, String claim, String program, String transport) {
    List<String> args = new ArrayList<>(List.of("host", "serve", "--native", "--program", program,
        "--native-transport", transport, "--data-dir", store.toString()));
    args.addAll(Fixture.localKeys(claim));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    HostWiring wiring = HostWiring.defaults().withStores(TestStores.opener())
        .withStreams(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), ProcessBuilder.Redirect.INHERIT,
            ProcessBuilder.Redirect.INHERIT)
        .withOutcomes(outcome::set);
    int code = Main.run(args.toArray(String[]::new), wiring, new PrintWriter(new StringWriter()), new PrintWriter(System.err));
    return new Run(code, outcome.get(), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "os-pipe", "memory"})
  void verdictsOverBothTransports(String transport) {
    Path db = Fixture.store(tmp.resolve("db"));
    Run valid = run(db, Fixture.claimHex(), ClaimProgram.class.getName(), transport);
    assertThat(valid.exitCode()).as(valid.programErr()).isEqualTo(HostExitCode.VALID);
    assertThat(valid.outcome().serve().stats().preimageRequests()).isEqualTo(4);
    assertThat(valid.outcome().serve().stats().hints()).isEqualTo(1);
    assertThat(valid.outcome().mode()).isEqualTo(Mode.NATIVE);

    Run invalid = run(db, Fixture.WRONG_CLAIM, ClaimProgram.class.getName(), transport);
    assertThat(invalid.exitCode()).isEqualTo(HostExitCode.INVALID);
    assertThat(invalid.programErr()).isEqualTo("Claim is invalid.\n");

    Run crash = run(db, Fixture.claimHex(), ClaimProgram.Crashing.class.getName(), transport);
    assertThat(crash.exitCode()).isEqualTo(HostExitCode.PROGRAM_FAILURE);
    assertThat(crash.programErr()).startsWith("Program failed: java.lang.IllegalStateException: asked to crash");
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "os-pipe", "memory"})
  void aMissingPreimageIsTheHostsFailure(String transport) {
    Run r = run(Fixture.emptyStore(tmp.resolve("db")), Fixture.claimHex(), ClaimProgram.class.getName(), transport);
    assertThat(r.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.outcome().programExit()).isEqualTo(2);
    assertThat(r.outcome().hostFailure()).isInstanceOf(KeyNotFoundException.class)
        .hasMessageContaining(Fixture.INPUT_KEY.hex()).hasMessageContaining("last hint: '" + Fixture.INPUT_HINT + "'");
    assertThat(r.programErr()).startsWith("Program failed: io.fpp4j.preimage.ChannelClosedException");
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "memory"})
  void dataThatDoesNotHashToItsKeyIsNeverServed(String transport) {
    Path db = TestStores.write(tmp.resolve("db"), Map.of(Fixture.INPUT_KEY, "tampered".getBytes(StandardCharsets.UTF_8)));
    Run r = run(db, Fixture.claimHex(), ClaimProgram.class.getName(), transport);
    assertThat(r.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.outcome().hostFailure()).isInstanceOf(IncorrectPreimageDataException.class)
        .hasMessageStartingWith("preimage for " + Fixture.INPUT_KEY.hex() + " does not hash to its key");
    assertThat(r.outcome().programExit()).isEqualTo(2);
  }

  @Test
  void anUnknownLocalKeyIsTheHostsFailureNamingTheIndex() {
    // Without --local-key 4 the program's read of local key 4 cannot be served.
    List<String> args = new ArrayList<>(List.of("host", "serve", "--native", "--program", ClaimProgram.class.getName(),
        "--data-dir", Fixture.store(tmp.resolve("db")).toString(), "--local-key",
        "1=" + io.fpp4j.primitives.Hex.prefixed(Fixture.INPUT_HASH)));
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    HostWiring wiring = HostWiring.defaults().withStores(TestStores.opener()).withOutcomes(outcome::set)
        .withStreams(System.out, new PrintStream(new ByteArrayOutputStream()), ProcessBuilder.Redirect.INHERIT,
            ProcessBuilder.Redirect.INHERIT);
    assertThat(Main.run(args.toArray(String[]::new), wiring)).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(outcome.get().hostFailure()).hasMessage("local key 0x0100000000000000000000000000000000000000000000000000000000000004 "
        + "(index 4) is not provided: --local-key/--local-keys provide indices 1");
  }
}
