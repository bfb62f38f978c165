package io.fpp4j.fpvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.preimage.PreimageServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Java program in a child process on descriptors 3 to 6, served by a Java host in this process. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TwoProcessTest {
  @TempDir Path tmp;

  private Result runChild(Map<PreimageKey, byte[]> store, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaBin()));
    // The child uses the same descriptor I/O as this JVM: raw (java.lang.foreign) on the JDK 25 pass, streams on 17.
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--enable-native-access")) cmd.add(arg);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AllKeyTypesProgram.class.getName()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("stdout"), err = tmp.resolve("stderr");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    List<String> hints = Collections.synchronizedList(new ArrayList<>());
    try (PipedProcess child = PipedProcess.start(pb, Duration.ofSeconds(30))) {
      PreimageServer server = PreimageServer.builder(child.hintChannel(), child.preimageChannel(), key -> {
        byte[] v = store.get(key);
        if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
        return v;
      }).router(hints::add).build();
      PreimageServer.Stats stats = null;
      PreimageOracleException failure = null;
      try {
        stats = server.run();
      } catch (PreimageOracleException e) {
        failure = e;
      }
      int code = child.waitFor();
      return new Result(code, Files.readString(out), Files.readString(err), hints, stats, failure);
    }
  }

  record Result(int exitCode, String stdout, String stderr, List<String> hints, PreimageServer.Stats stats,
                PreimageOracleException failure) {}

  @Test
  void validClaimExitsZero() throws Exception {
    Map<PreimageKey, byte[]> store = new HashMap<>(AllKeyTypes.preimages());
    store.put(PreimageKey.local(1), AllKeyTypes.claim());
    Result r = runChild(store);
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
    assertThat(r.stdout()).isEqualTo("received 102 bytes\n");
    assertThat(r.failure()).isNull();
    assertThat(r.stats().preimageRequests()).isEqualTo(7);
    assertThat(r.hints()).hasSize(6).first().asString().startsWith("fetch LOCAL 0x0100");
  }

  @Test
  void wrongClaimExitsOne() throws Exception {
    Map<PreimageKey, byte[]> store = new HashMap<>(AllKeyTypes.preimages());
    store.put(PreimageKey.local(1), new byte[32]);
    Result r = runChild(store);
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.stderr()).isEqualTo("Claim is invalid.\n");
  }

  @Test
  void missingPreimageEndsTheServerWithTheKeyAndTheProgramExitsTwo() throws Exception {
    Map<PreimageKey, byte[]> store = new HashMap<>(AllKeyTypes.preimages());
    PreimageKey missing = PreimageKey.keccak256Of("hello world".getBytes(StandardCharsets.US_ASCII));
    store.remove(missing);
    Result r = runChild(store);
    assertThat(r.failure()).isInstanceOf(KeyNotFoundException.class).hasMessageContaining(missing.hex());
    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.stderr()).startsWith("Program failed: io.fpp4j.preimage.ChannelClosedException: channel closed while requesting preimage " + missing.hex());
  }

  @Test
  void programFailureExitsTwo() throws Exception {
    Result r = runChild(AllKeyTypes.preimages(), "crash");
    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.stderr()).startsWith("Program failed: java.lang.IllegalStateException: asked to crash");
    assertThat(r.stats().preimageRequests()).isZero();
  }

  @Test
  void childThatDiesBeforeOpeningItsDescriptorsFailsFastWithItsExitCode() {
    assertThatThrownBy(() -> PipedProcess.start(new ProcessBuilder("true"), Duration.ofSeconds(30), "exit 3"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("child process exited with code 3 before opening descriptors 3 to 6");
  }

  @Test
  void childThatNeverOpensItsDescriptorsIsKilledAfterTheTimeout() {
    assertThatThrownBy(() -> PipedProcess.start(new ProcessBuilder("true"), Duration.ofMillis(300), "sleep 30"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not open descriptors 3 to 6 within PT0.3S; killed it");
  }

  @Test
  void aMergedErrorStreamStaysMergedIntoTheOutputFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.log");
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo to-stdout; echo to-stderr >&2")
        .redirectErrorStream(true).redirectOutput(out.toFile());
    try (PipedProcess p = PipedProcess.start(pb, Duration.ofSeconds(30))) {
      assertThat(p.waitFor()).isZero();
    }
    assertThat(Files.readString(out)).isEqualTo("to-stdout\nto-stderr\n");
  }

  @Test
  void programThatCannotBeExecutedExitsWithTheShellsCode() throws Exception {
    // The shell opens the FIFOs, then exec fails: wiring succeeds and the child exits 127.
    try (PipedProcess p = PipedProcess.start(new ProcessBuilder("/nonexistent/program"), Duration.ofSeconds(30))) {
      assertThat(p.waitFor()).isEqualTo(127);
      byte[] buf = new byte[1];
      assertThat(p.hintChannel().read(buf, 0, 1)).isEqualTo(-1);
    }
  }

  @Test
  void javaHostInServerModeServesAClientInThisProcess() throws Exception {
    Path out = tmp.resolve("host-out"), err = tmp.resolve("host-err");
    ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
        ServerModeHost.class.getName()).redirectOutput(out.toFile()).redirectError(err.toFile());
    try (PipedProcess host = PipedProcess.start(pb, Duration.ofSeconds(30))) {
      var client = io.fpp4j.preimage.OracleClient.of(
          new io.fpp4j.preimage.OracleReader(host.preimageChannel()), new io.fpp4j.preimage.HintWriter(host.hintChannel()));
      for (var e : AllKeyTypes.preimages().entrySet()) {
        client.hint("want " + e.getKey().type());
        assertThat(client.get(e.getKey())).isEqualTo(e.getValue());
      }
      host.hintChannel().close();
      host.preimageChannel().close();
      assertThat(host.waitFor()).as(Files.readString(err)).isZero();
    }
    assertThat(Files.readString(out)).startsWith("hint: want LOCAL\n").endsWith("served 6 preimages\n");
  }

  @Test
  void javaHostInServerModeReportsAMissingKeyAndFails() throws Exception {
    Path out = tmp.resolve("host-out"), err = tmp.resolve("host-err");
    ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
        ServerModeHost.class.getName()).redirectOutput(out.toFile()).redirectError(err.toFile());
    try (PipedProcess host = PipedProcess.start(pb, Duration.ofSeconds(30))) {
      var reader = new io.fpp4j.preimage.OracleReader(host.preimageChannel());
      assertThatThrownBy(() -> reader.get(PreimageKey.local(99))).isInstanceOf(PreimageOracleException.class);
      assertThat(host.waitFor()).isEqualTo(3);
    }
    assertThat(Files.readString(err)).contains("no preimage for key " + PreimageKey.local(99).hex());
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
