package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.examples.claim.ClaimProgram;
import io.fpp4j.examples.l1log.L1LogProgram;
import io.fpp4j.examples.l2state.L2StateProgram;
import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.PebbleHelperBuild;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled example program, served from every store format, in every mode, with a claim that holds and
 * one that does not: the host's verdict (or, in server mode, the program's own exit code) must be 0 and 1.
 *
 * <p>The stores are written once per format by {@code fpp4j chain generate} (L2 state and L1 log data with
 * their local-key files), plus the four keccak preimages of Cannon's claim example, whose boot values come
 * from {@code --local-key} flags. Modes: native (the program on a thread of the host's JVM, over OS pipes and
 * over in-memory channels), exec (the program as a child process on descriptors 3 to 6) and server (the host
 * as a child process on descriptors 3 to 6, the program as another, and this test copying bytes between them
 * as an FPVM would).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExampleMatrixTest {
  @TempDir static Path tmp;

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CP = System.getProperty("java.class.path");
  private static final Map<StoreFormat, Path> OUT = new EnumMap<>(StoreFormat.class);

  enum Example {
    CLAIM(ClaimProgram.class), L2_STATE(L2StateProgram.class), L1_LOG(L1LogProgram.class);

    final Class<?> program;

    Example(Class<?> program) {
      this.program = program;
    }

    /** The boot-value flags for the valid or the invalid claim. */
    List<String> localKeys(Path out, boolean valid) {
      String which = valid ? "valid" : "invalid";
      return switch (this) {
        case CLAIM -> List.of(
            "--local-key", "0=0x7f7fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e",
            "--local-key", "1=0x24decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769",
            "--local-key", "2=" + (valid ? "0x02fffffd00003004" : "0x02fffffd00003005"));
        case L2_STATE -> List.of("--local-keys", out.resolve("l2state-" + which + ".json").toString());
        case L1_LOG -> List.of("--local-keys", out.resolve("l1log-" + which + ".json").toString());
      };
    }
  }

  enum Mode { NATIVE_DIRECT, NATIVE_OS_PIPE, NATIVE_MEMORY, EXEC, SERVER }

  @BeforeAll
  static void generateStores() {
    for (StoreFormat format : StoreFormat.values()) {
      // Without the module proxy there is no Pebble helper: the Pebble runs skip, with the reason, in validAndInvalidClaims.
      if (format == StoreFormat.PEBBLE && !PebbleHelperBuild.available()) continue;
      Path out = tmp.resolve(format.marker());
      Run gen = cli("chain", "generate", "--out", out.toString(), "--data-format", format.marker());
      assertThat(gen.code()).as(gen.out()).isZero();
      try (KeyValueStore store = PreimageStores.open(out.resolve("db"), format)) {
        // Cannon's claim example data (op-program-spec 10.2): pre-state s, the diff, and its parts a and b.
        for (String hex : List.of("00ffffff00001000", "0000000000000003", "0000000000000004",
            "d4c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af"
                + "d2ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56")) {
          byte[] v = Hex.decode(hex);
          store.put(PreimageKey.keccak256Of(v), v);
        }
      }
      OUT.put(format, out);
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Example e : Example.values()) {
      for (StoreFormat f : StoreFormat.values()) {
        for (Mode m : Mode.values()) all.add(Arguments.of(e, f, m));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} from {1} in {2}")
  @MethodSource("matrix")
  void validAndInvalidClaims(Example example, StoreFormat format, Mode mode) throws Exception {
    PebbleHelperBuild.ifPebble(format);
    Path out = OUT.get(format);
    Run valid = run(example, out, mode, true);
    assertThat(valid.code()).as(valid.out()).isEqualTo(HostExitCode.VALID);
    Run invalid = run(example, out, mode, false);
    assertThat(invalid.code()).as(invalid.out()).isEqualTo(HostExitCode.INVALID);
    if (mode != Mode.SERVER) {
      RunOutcome o = valid.outcome();
      assertThat(o.mode()).isEqualTo(mode == Mode.EXEC ? io.fpp4j.host.Mode.EXEC : io.fpp4j.host.Mode.NATIVE);
      assertThat(o.programExit()).isZero();
      assertThat(invalid.outcome().programExit()).isEqualTo(1);
      assertThat(o.serve().clean()).isTrue();
      // Every example reads local keys and several keccak preimages, and hints at least once.
      assertThat(o.serve().stats().preimageRequests()).isGreaterThan(4);
      assertThat(o.serve().stats().hints()).isPositive();
    }
  }

  /** A run's exit code, what it printed, and (in-process runs) the host's outcome. */
  private record Run(int code, String out, RunOutcome outcome) {}

  private static Run run(Example example, Path out, Mode mode, boolean valid) throws Exception {
    List<String> args = new ArrayList<>(List.of("host", "serve", "--data-dir", out.resolve("db").toString()));
    args.addAll(example.localKeys(out, valid));
    switch (mode) {
      case NATIVE_DIRECT, NATIVE_OS_PIPE, NATIVE_MEMORY -> {
        // The level is process-wide and this is the test JVM: keep the runs' summaries out of the build log.
        args.addAll(List.of("--log-level", "warn"));
        args.addAll(List.of("--native", "--program", example.program.getName(), "--native-transport",
            switch (mode) {
              case NATIVE_MEMORY -> "memory";
              case NATIVE_OS_PIPE -> "os-pipe";
              default -> "direct";
            }));
        return cli(args.toArray(String[]::new));
      }
      case EXEC -> {
        args.addAll(List.of("--log-level", "warn", "--exec", JAVA, "--", "-cp", CP, example.program.getName()));
        return cli(args.toArray(String[]::new));
      }
      case SERVER -> {
        return server(example, args, out);
      }
      default -> throw new IllegalStateException(mode.toString());
    }
  }

  /**
   * The host and the program as two child processes, each on its own descriptors 3 to 6, this test relaying
   * between them. The verdict is the program's exit code; the host must end cleanly when the program closes
   * its channels.
   */
  private static Run server(Example example, List<String> hostArgs, Path out) throws Exception {
    List<String> host = new ArrayList<>(List.of(JAVA, "-cp", CP, Main.class.getName()));
    host.addAll(hostArgs);
    host.addAll(List.of("--server", "--log-level", "info"));
    Path hostLog = Files.createTempFile(out, "host", ".log");
    Path programLog = Files.createTempFile(out, "program", ".log");
    try (PipedProcess h = PipedProcess.start(new ProcessBuilder(host).redirectErrorStream(true)
            .redirectOutput(hostLog.toFile()), Duration.ofSeconds(30));
        PipedProcess p = PipedProcess.start(new ProcessBuilder(JAVA, "-cp", CP, example.program.getName())
            .redirectErrorStream(true).redirectOutput(programLog.toFile()), Duration.ofSeconds(30));
        FpvmRelay relay = FpvmRelay.start(p.hintChannel(), p.preimageChannel(), h.hintChannel(), h.preimageChannel())) {
      int verdict = p.waitFor();
      int hostCode = h.waitFor();
      String log = "program:\n" + Files.readString(programLog) + "\nhost:\n" + Files.readString(hostLog);
      assertThat(hostCode).as(log).isZero();
      assertThat(Files.readString(hostLog)).contains("host: server mode, offline",
          "verdict: none (server mode: the FPVM runs the program and reports its verdict)",
          "exit 0 (served until the program closed its channels)").containsPattern("served \\d+ preimages");
      return new Run(verdict, log, null);
    }
  }

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    HostWiring wiring = HostWiring.defaults().withOutcomes(outcome::set).withStreams(ps, ps,
        ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.DISCARD);
    int code = Main.run(args, wiring, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    return new Run(code, out.toString(StandardCharsets.UTF_8), outcome.get());
  }
}
