package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.client.FppProgram;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.cli.Main;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real proof, offline, as separate processes: fpp4j's host ({@code host serve}) serving the prepared
 * fp-tests-devnet store and local keys to fpp4j's program, as a child ({@code --exec java ...}) and in the host's
 * JVM ({@code --native --program}). The host's exit code is the program's verdict.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DevnetProofHostTest {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CP = System.getProperty("java.class.path");
  private static DevnetFixture.Prepared prepared;

  @TempDir Path tmp;

  @BeforeAll
  static void prepare() {
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
  }

  private record Run(int code, String log) {}

  /** {@code java -cp ... Main host serve ...} as its own process, its output captured. */
  private Run host(Path dataDir, Path localKeys, List<String> mode) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", CP, Main.class.getName(), "host", "serve",
        "--data-dir", dataDir.toString(), "--local-keys", localKeys.toString()));
    cmd.addAll(mode);
    Path log = Files.createTempFile(tmp, "host", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("host did not finish: " + cmd + "\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log));
  }

  private static List<String> exec() {
    return List.of("--exec", JAVA, "--", "-cp", CP, FppProgram.class.getName());
  }

  private static List<String> nativeMode() {
    return List.of("--native", "--program", FppProgram.class.getName());
  }

  @Test
  void execModeProvesTheTrueClaimAndRefutesTheFalseOne() throws Exception {
    Run valid = host(prepared.dataDir(), prepared.basicSuccess().konaLocalKeys(), exec());
    assertThat(valid.code()).as(valid.log()).isEqualTo(HostExitCode.VALID);
    assertThat(valid.log()).contains("derived L2 block 20").contains("verdict: valid claim");

    Run invalid = host(prepared.dataDir(), prepared.basicFaultyClaim().opProgramLocalKeys(), exec());
    assertThat(invalid.code()).as(invalid.log()).isEqualTo(HostExitCode.INVALID);
    assertThat(invalid.log()).contains("Claim is invalid");
  }

  @Test
  void nativeModeProvesTheTrueClaimAndRefutesTheFalseOne() throws Exception {
    Run valid = host(prepared.dataDir(), prepared.basicSuccess().opProgramLocalKeys(), nativeMode());
    assertThat(valid.code()).as(valid.log()).isEqualTo(HostExitCode.VALID);
    assertThat(valid.log()).contains("derived L2 block 20").contains("verdict: valid claim");

    Run invalid = host(prepared.dataDir(), prepared.basicFaultyClaim().konaLocalKeys(), nativeMode());
    assertThat(invalid.code()).as(invalid.log()).isEqualTo(HostExitCode.INVALID);
  }

  @Test
  void aMissingPreimageIsAHostFailureNotAVerdict() throws Exception {
    // An empty store: the host cannot serve the agreed output, the program's first global read.
    Path empty = Files.createDirectories(tmp.resolve("empty-store"));
    Run r = host(empty, prepared.basicFaultyClaim().konaLocalKeys(), exec());
    assertThat(r.code()).as(r.log()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.log()).doesNotContain("Claim is invalid");
  }

  @Test
  void malformedBootInputsMakeTheProgramFail() throws Exception {
    Path keys = tmp.resolve("short-number.json");
    String json = Files.readString(prepared.basicSuccess().konaLocalKeys()).replace("\"0x0000000000000014\"", "\"0x14\"");
    assertThat(json).contains("\"0x14\"");
    Files.writeString(keys, json);
    Run r = host(prepared.dataDir(), keys, exec());
    assertThat(r.code()).as(r.log()).isEqualTo(2);
    assertThat(r.log()).contains("Program failed").containsIgnoringCase("block number");
  }
}
