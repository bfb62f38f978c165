package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.client.FppProgram;
import io.fpp4j.examples.claim.ClaimProgram;
import io.fpp4j.examples.l2state.L2StateProgram;
import io.fpp4j.host.HostExitCode;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's main job ({@code ./run.sh}) through the real CLI, step by step. Part 1: {@code devnet prepare} on the
 * shared fp-tests-devnet fixture, then {@code host op-program} with the flags it wrote, running fpp4j's program as a
 * child: the true claim exits 0, the false one 1. Part 2: generated chain data in each store format, the bundled L2
 * state example run as a child process on descriptors 3 to 6, a valid and a wrong claim. And Cannon's claim example
 * served from a keccak store with its boot values given by --local-key.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MainJobTest {
  @TempDir Path tmp;

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CP = System.getProperty("java.class.path");

  private record Run(int code, String out) {}

  private static Run cli(String... args) {
    return cli(ProcessBuilder.Redirect.DISCARD, args);
  }

  /** Runs the CLI in this JVM; a child program's standard output goes to {@code childStdout}. */
  private static Run cli(ProcessBuilder.Redirect childStdout, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    HostWiring wiring = HostWiring.defaults().withStreams(ps, ps, childStdout, ProcessBuilder.Redirect.DISCARD);
    StringWriter err = new StringWriter();
    int code = Main.run(args, wiring, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    return new Run(code, out.toString(StandardCharsets.UTF_8) + err);
  }

  /** run.sh's part 1: the prepared devnet case served with op-program's host flags to fpp4j's program as a child. */
  private Run devnetCase(Path prepared, String caseName) throws Exception {
    List<String> args = new ArrayList<>(List.of("host", "op-program"));
    args.addAll(Files.readAllLines(prepared.resolve(caseName).resolve("op-program-host.args")));
    args.addAll(List.of("--exec", JAVA, "--", "-cp", CP, FppProgram.class.getName()));
    Path programOut = tmp.resolve(caseName + ".out");
    Run r = cli(ProcessBuilder.Redirect.to(programOut.toFile()), args.toArray(String[]::new));
    return new Run(r.code(), r.out() + Files.readString(programOut));
  }

  @Test
  void devnetPreparedByTheCliThenProvenAndRefutedByFpp4jsProgramUnderOpProgramFlags() throws Exception {
    // The directory DevnetProofHostTest prepares too: preparing is idempotent, so whichever runs first builds it.
    Path prepared = Path.of("target", "devnet-fixture");
    Run prepare = cli("devnet", "prepare", "--out", prepared.toString());
    assertThat(prepare.code()).as(prepare.out()).isZero();
    assertThat(prepare.out()).contains("prepared ").contains("basic-success: expected exit 0")
        .contains("basic-faulty-claim: expected exit 1").contains("op-program-host.args");
    assertThat(Files.readAllLines(prepared.resolve("basic-success/op-program-host.args")))
        .contains("--l2.claim", "--l1.chainconfig", "--datadir", "20");

    Run valid = devnetCase(prepared, "basic-success");
    assertThat(valid.code()).as(valid.out()).isEqualTo(HostExitCode.VALID);
    assertThat(valid.out()).contains("derived L2 block 20").contains("output root of L2 block 20: 0x65b2fab9")
        .contains("verdict: valid claim");
    Run invalid = devnetCase(prepared, "basic-faulty-claim");
    assertThat(invalid.code()).as(invalid.out()).isEqualTo(HostExitCode.INVALID);
    assertThat(invalid.out()).contains("derived L2 block 20").contains("verdict: invalid claim");
  }

  @Test
  void devnetPrepareNamesAMissingFixture() {
    Path absent = tmp.resolve("no-such-fixture");
    Run r = cli("devnet", "prepare", "--source", absent.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(HostExitCode.USAGE);
    assertThat(r.out()).contains("no fp-tests-devnet fixture at " + absent);
  }

  private static String[] exec(Path db, String localKeysOrNull, List<String> localKeyArgs, Class<?> program) {
    List<String> a = new ArrayList<>(List.of("host", "serve", "--data-dir", db.toString()));
    if (localKeysOrNull != null) a.addAll(List.of("--local-keys", localKeysOrNull));
    for (String k : localKeyArgs) a.addAll(List.of("--local-key", k));
    a.addAll(List.of("--exec", JAVA, "--", "-cp", CP, program.getName()));
    return a.toArray(String[]::new);
  }

  @ParameterizedTest
  @EnumSource(StoreFormat.class)
  void generatedChainServedToTheL2StateExampleInExecMode(StoreFormat format) {
    PebbleHelperBuild.ifPebble(format);
    Run gen = cli("chain", "generate", "--out", tmp.toString(), "--data-format", format.marker());
    assertThat(gen.code()).isZero();
    assertThat(gen.out()).contains("generated 12 L1 and 40 L2 blocks (seed 42)").contains("claim: account 0x");

    Path db = tmp.resolve("db");
    assertThat(cli(exec(db, tmp.resolve("l2state-valid.json").toString(), List.of(), L2StateProgram.class)).code())
        .isEqualTo(HostExitCode.VALID);
    assertThat(cli(exec(db, tmp.resolve("l2state-invalid.json").toString(), List.of(), L2StateProgram.class)).code())
        .isEqualTo(HostExitCode.INVALID);
  }

  @Test
  void generationIsDeterministic() throws Exception {
    cli("chain", "generate", "--out", tmp.resolve("a").toString(), "--data-format", "directory");
    cli("chain", "generate", "--out", tmp.resolve("b").toString(), "--data-format", "directory");
    assertThat(java.nio.file.Files.readString(tmp.resolve("a/l2state-valid.json")))
        .isEqualTo(java.nio.file.Files.readString(tmp.resolve("b/l2state-valid.json")));
    Run stats = cli("store", "verify", tmp.resolve("a/db").toString());
    assertThat(stats.code()).as(stats.out()).isZero();
  }

  @Test
  void missingPreimageOfflineIsAHostFailureNotAVerdict() {
    cli("chain", "generate", "--out", tmp.toString(), "--data-format", "directory");
    // An empty store: the program's first global read cannot be served.
    Path empty = tmp.resolve("empty");
    Run r = cli(exec(empty, tmp.resolve("l2state-valid.json").toString(), List.of(), L2StateProgram.class));
    assertThat(r.code()).isEqualTo(HostExitCode.HOST_FAILURE);
  }

  @Test
  void cannonClaimExampleFromAKeccakStoreAndLocalKeyFlags() {
    Path db = tmp.resolve("claim-db");
    try (KeyValueStore store = PreimageStores.open(db, StoreFormat.DIRECTORY)) {
      for (String hex : List.of("00ffffff00001000", "0000000000000003", "0000000000000004",
          "d4c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af"
              + "d2ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56")) {
        byte[] v = Hex.decode(hex);
        store.put(PreimageKey.keccak256Of(v), v);
      }
    }
    List<String> keys = new ArrayList<>(List.of(
        "0=0x7f7fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e",
        "1=0x24decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769"));
    List<String> good = new ArrayList<>(keys);
    good.add("2=0x02fffffd00003004");
    assertThat(cli(exec(db, null, good, ClaimProgram.class)).code()).isEqualTo(HostExitCode.VALID);
    List<String> bad = new ArrayList<>(keys);
    bad.add("2=0x02fffffd00003005");
    assertThat(cli(exec(db, null, bad, ClaimProgram.class)).code()).isEqualTo(HostExitCode.INVALID);
  }
}
