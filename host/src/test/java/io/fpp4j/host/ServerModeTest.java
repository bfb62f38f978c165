package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server mode: the host CLI in a child process, serving on its own descriptors 3 to 6, with this test in the
 * FPVM's place driving it as a client.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerModeTest {
  @TempDir Path tmp;

  PipedProcess startHost(Path stderr, String... hostArgs) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Fixture.java(), "-cp", Fixture.classPath(), TestHostMain.class.getName()));
    cmd.addAll(List.of(hostArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("host-out").toFile()).redirectError(stderr.toFile());
    return PipedProcess.start(pb, Duration.ofSeconds(30));
  }

  static OracleClient client(PipedProcess host) {
    return OracleClient.of(new OracleReader(host.preimageChannel()), new HintWriter(host.hintChannel()));
  }

  @Test
  void genericServeServesLocalKeysAndTheStoreUntilTheClientCloses() throws Exception {
    Path db = Fixture.store(tmp.resolve("db"));
    Path err = tmp.resolve("host-err");
    try (PipedProcess host = startHost(err, "host", "serve", "--server", "--log-level", "info", "--data-dir", db.toString(),
        "--local-key", "1=" + Hex.prefixed(Fixture.INPUT_HASH), "--local-key", "3=" + Fixture.claimHex())) {
      OracleClient oracle = client(host);
      assertThat(oracle.get(PreimageKey.local(1))).isEqualTo(Fixture.INPUT_HASH);
      oracle.hint("input " + Hex.prefixed(Fixture.INPUT_HASH));
      assertThat(oracle.get(Fixture.INPUT_KEY)).isEqualTo(Fixture.INPUT);
      assertThat(oracle.get(PreimageKey.local(3))).isEqualTo(Fixture.CLAIM);
      host.hintChannel().close();
      host.preimageChannel().close();
      assertThat(host.waitFor()).as(Files.readString(err)).isEqualTo(HostExitCode.VALID);
    }
    String log = Files.readString(err);
    assertThat(log).contains("host: server mode, offline, test-json:" + db + ", local keys indices 1, 3",
        "verdict: none (server mode: the FPVM runs the program and reports its verdict)",
        "served 3 preimages (84 B) and 1 hints", "exit 0 (served until the program closed its channels)");
  }

  @Test
  void aMissingPreimageEndsTheHostWithCodeThreeNamingTheKeyAndHint() throws Exception {
    Path err = tmp.resolve("host-err");
    PreimageKey missing = PreimageKey.keccak256Of(new byte[] {42});
    try (PipedProcess host = startHost(err, "host", "serve", "--server", "--data-dir", Fixture.emptyStore(tmp.resolve("db")).toString())) {
      OracleClient oracle = client(host);
      oracle.hint("want " + missing.hex());
      assertThatThrownBy(() -> oracle.get(missing)).isInstanceOf(PreimageOracleException.class);
      assertThat(host.waitFor()).isEqualTo(HostExitCode.HOST_FAILURE);
    }
    assertThat(Files.readString(err)).contains("HOST FAILURE: preimage " + missing.hex() + " is not in test-json:",
        "last hint: 'want " + missing.hex() + "'", "exit 3 (host failure)");
  }

  @Test
  void opProgramDialectInServerModeServesItsLocalKeyMap() throws Exception {
    Path err = tmp.resolve("host-err");
    String l1 = "0x" + "11".repeat(32);
    try (PipedProcess host = startHost(err, "host", "op-program", "--server", "--l1.head", l1, "--l2.head", "0x" + "22".repeat(32),
        "--l2.outputroot", "0x" + "33".repeat(32), "--l2.claim", "0x" + "44".repeat(32), "--l2.blocknumber", "1234",
        "--network", "11155420", "--datadir", Fixture.store(tmp.resolve("db")).toString())) {
      OracleClient oracle = client(host);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(1)))).isEqualTo(l1);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(4)))).isEqualTo("0x00000000000004d2");
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(5)))).isEqualTo("0x0000000000aa37dc");
      host.hintChannel().close();
      host.preimageChannel().close();
      assertThat(host.waitFor()).as(Files.readString(err)).isZero();
    }
  }

  @Test
  void aUsageErrorInServerModeExitsFour() throws Exception {
    Path err = tmp.resolve("host-err");
    // The host never serves, so the FIFOs are opened by the wrapper shell and then simply closed by exit.
    try (PipedProcess host = startHost(err, "host", "single", "--server", "--l1-head", "0x12")) {
      assertThat(host.waitFor()).isEqualTo(HostExitCode.USAGE);
    }
    assertThat(Files.readString(err)).startsWith("error: missing required flag --agreed-l2-head-hash (or env AGREED_L2_HEAD_HASH)");
  }
}
