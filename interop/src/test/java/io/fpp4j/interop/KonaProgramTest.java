package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.host.cli.Main;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Rust reference program ({@code interop/kona-program}, on the published kona-proof, kona-derive, kona-driver and
 * kona-executor crates) served by fpp4j's host, both as real processes, on the prepared fp-tests-devnet proof: the
 * true claim must hold (exit 0) and the false one must not (exit 1), each with the output root Kona computed.
 */
class KonaProgramTest {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CP = System.getProperty("java.class.path");
  private static final Pattern OUTPUT_ROOT = Pattern.compile("output root of L2 block (\\d+): (0x[0-9a-f]{64})");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static DevnetFixture.Prepared prepared;
  private static Path program;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() throws Exception {
    program = KonaProgramPeer.build();
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
  }

  private record Run(int code, String log) {
    /** The output root the program printed for the claimed block. */
    String outputRoot(long block) {
      Matcher m = OUTPUT_ROOT.matcher(log);
      while (m.find()) if (Long.parseLong(m.group(1)) == block) return m.group(2);
      throw new AssertionError("the program printed no output root for L2 block " + block + ":\n" + log);
    }
  }

  /** {@code java ... Main host serve --data-dir ... --local-keys ... --exec fpp4j-kona-program}, output captured. */
  private Run serve(DevnetFixture.Case c) throws Exception {
    return serve(c.name(), c.konaLocalKeys());
  }

  private Run serve(String name, Path localKeys) throws Exception {
    List<String> cmd = List.of(JAVA, "-cp", CP, Main.class.getName(), "host", "serve",
        "--data-dir", prepared.dataDir().toString(), "--local-keys", localKeys.toString(),
        "--exec", program.toString());
    Path log = Files.createTempFile(tmp, name, ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("host and program did not finish within 300 s: " + cmd + "\n" + Files.readString(log));
    }
    Run run = new Run(p.exitValue(), Files.readString(log));
    System.out.printf("kona-program on %s: exit %d%n%s%n", name, run.code(), run.log());
    return run;
  }

  @Test
  void theTrueClaimHoldsWithTheClaimedOutputRoot() throws Exception {
    DevnetFixture.Case c = prepared.basicSuccess();
    Run r = serve(c);
    assertThat(r.code()).as(r.log()).isEqualTo(0);
    assertThat(r.outputRoot(c.l2BlockNumber())).isEqualTo(c.l2Claim().toHex());
    assertThat(r.log()).contains("verdict: valid claim");
  }

  @Test
  void theFaultyClaimIsRefutedWithTheTrueOutputRoot() throws Exception {
    DevnetFixture.Case c = prepared.basicFaultyClaim();
    assertThat(c.l2Claim()).isNotEqualTo(prepared.basicSuccess().l2Claim());
    Run r = serve(c);
    assertThat(r.code()).as(r.log()).isEqualTo(1);
    // Kona computes the true root of the same block; only the claim differs.
    assertThat(r.outputRoot(c.l2BlockNumber())).isEqualTo(prepared.basicSuccess().l2Claim().toHex());
    assertThat(r.log()).contains("Claim is invalid");
  }

  /**
   * A claim at the agreed block (trace extension) is checked against the agreed output root: the program boots from
   * the local keys, reads the agreed output root's pre-image and the agreed L2 header over fds 3-6, and derives nothing.
   */
  @Test
  void aClaimAtTheAgreedBlockIsCheckedAgainstTheAgreedOutputRoot() throws Exception {
    DevnetFixture.Case c = prepared.basicSuccess();
    long agreed = c.l2BlockNumber() - 1;
    ObjectNode keys = (ObjectNode) JSON.readTree(c.konaLocalKeys().toFile());
    keys.put("4", String.format("0x%016x", agreed));
    keys.put("3", c.l2OutputRoot().toHex());
    Path valid = tmp.resolve("trace-extension-valid.json");
    JSON.writeValue(valid.toFile(), keys);
    Run holds = serve("trace-extension-valid", valid);
    assertThat(holds.code()).as(holds.log()).isEqualTo(0);
    assertThat(holds.log()).contains("agreed L2 block " + agreed).contains("verdict: valid claim");

    keys.put("3", c.l2Claim().toHex());
    Path invalid = tmp.resolve("trace-extension-invalid.json");
    JSON.writeValue(invalid.toFile(), keys);
    Run refuted = serve("trace-extension-invalid", invalid);
    assertThat(refuted.code()).as(refuted.log()).isEqualTo(1);
    assertThat(refuted.log()).contains("Claim is invalid: the output root is " + c.l2OutputRoot().toHex());
  }
}
