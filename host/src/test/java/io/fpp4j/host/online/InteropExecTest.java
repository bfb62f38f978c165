package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop runs through the CLI, {@code fpp4j host op-program --l2.agreed-prestate ...} and {@code fpp4j host super
 * ...}, with two L2 nodes, serving {@link InteropOutputsProgram} as a child process on descriptors 3 to 6.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InteropExecTest {
  @TempDir Path tmp;
  InteropHandlersTest.Chain a;
  InteropHandlersTest.Chain b;
  byte[] prestate;

  @BeforeEach
  void start() throws Exception {
    a = new InteropHandlersTest.Chain(901, 100);
    b = new InteropHandlersTest.Chain(902, 100);
    prestate = InteropHandlersTest.superRoot(InteropHandlersTest.TIMESTAMP, new long[] {901, 902},
        new Bytes32[] {a.output.hash(), b.output.hash()});
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  record Run(int exitCode, RunOutcome outcome, String err) {}

  Run host(byte[] claim) throws Exception {
    return host(claim, false);
  }

  /** @param kona run {@code fpp4j host super} (kona-host's flags) instead of {@code host op-program} */
  Run host(byte[] claim, boolean kona) throws Exception {
    Path r1 = Files.writeString(tmp.resolve("r901.json"), InteropHandlersTest.rollupJson(901, 0, 1000, 2));
    Path r2 = Files.writeString(tmp.resolve("r902.json"), InteropHandlersTest.rollupJson(902, 40, 1140, 1));
    Path g1 = Files.writeString(tmp.resolve("g901.json"), "{\"config\": {\"chainId\": 901}}");
    Path g2 = Files.writeString(tmp.resolve("g902.json"), "{\"config\": {\"chainId\": 902}}");
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    Path childErr = tmp.resolve("child.err");
    HostWiring wiring = HostWiring.defaults()
        .withStreams(System.out, System.err, ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.to(childErr.toFile()))
        .withOutcomes(outcome::set);
    String l1Head = Hex.prefixed(Bytes32.wrap(Hashing.keccak256(new byte[] {1})).toArray());
    // No L1 or beacon request is made: the program sends no L1 hint, and handlers connect lazily.
    List<String> args = new ArrayList<>(kona
        ? List.of("host", "super", "--l1-head", l1Head, "--agreed-l2-pre-state", Hex.prefixed(prestate),
            "--claimed-l2-post-state", Hex.prefixed(claim), "--claimed-l2-timestamp", "1201", "--rollup-config-paths", r1 + "," + r2,
            "--l1-node-address", "http://127.0.0.1:9", "--l1-beacon-address", "http://127.0.0.1:9",
            "--l2-node-addresses", b.node.url() + "," + a.node.url())
        : List.of("host", "op-program", "--l1.head", l1Head,
            "--l2.agreed-prestate", Hex.prefixed(prestate), "--l2.claim", Hex.prefixed(claim), "--l2.blocknumber", "1201",
            "--rollup.config", r1 + "," + r2, "--l2.genesis", g1.toString(), "--l2.genesis", g2.toString(),
            "--l1", "http://127.0.0.1:9", "--l1.beacon", "http://127.0.0.1:9", "--l2", b.node.url() + "," + a.node.url()));
    args.addAll(List.of("--retry", "bounded", "--retry-attempts", "3",
        "--exec", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--",
        "-cp", System.getProperty("java.class.path"), InteropOutputsProgram.class.getName(), kona ? "l2-output-root" : "l2-output"));
    StringWriter cliErr = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), wiring, new PrintWriter(new StringWriter()), new PrintWriter(cliErr));
    String err = Files.exists(childErr) ? Files.readString(childErr) : "";
    return new Run(code, outcome.get(), err + cliErr);
  }

  byte[] trueClaim() {
    ByteArrayOutputStream d = new ByteArrayOutputStream();
    d.writeBytes(prestate);
    d.writeBytes(a.output.encode());
    d.writeBytes(b.output.encode());
    return Hashing.keccak256(d.toByteArray());
  }

  @Test
  void theProgramReadsThePrestateAndBothChainsOutputs() throws Exception {
    Run r = host(trueClaim());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(HostExitCode.VALID);
    assertThat(r.outcome().fetch().preimagesFetched()).isEqualTo(3);
    assertThat(a.node.calls("eth_getProof")).hasSize(1);
    assertThat(b.node.calls("eth_getProof")).hasSize(1);
  }

  @Test
  void konaSuperServesTheSameRunWithItsOwnFlagsAndHintName() throws Exception {
    Run r = host(trueClaim(), true);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(HostExitCode.VALID);
    assertThat(r.outcome().fetch().preimagesFetched()).isEqualTo(3);
    byte[] wrong = trueClaim();
    wrong[0] ^= 1;
    assertThat(host(wrong, true).exitCode()).isEqualTo(HostExitCode.INVALID);
  }

  @Test
  void aWrongClaimIsInvalid() throws Exception {
    byte[] wrong = trueClaim();
    wrong[31] ^= 1;
    Run r = host(wrong);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(HostExitCode.INVALID);
  }
}
