package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kona-host} and {@code bin/op-program} run as real processes with the argument lists op-challenger
 * builds (v1.19.6, {@code op-challenger/game/fault/trace/vm}), copied here as data, against a data directory that
 * {@code fpp4j chain generate} wrote. In server mode this test takes the FPVM's place on descriptors 3 to 6 and
 * asks for the local keys and for the generated L1 head header, which must come from the data directory: the
 * RPC endpoints op-challenger always passes point at a closed port and are never asked, since no hint is sent.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherE2eTest {
  private static final String L1_RPC = "http://127.0.0.1:9", BEACON = "http://127.0.0.1:9", L2_RPC = "http://127.0.0.1:9";
  private static final String L2_HEAD = "0x" + "22".repeat(32), OUTPUT_ROOT = "0x" + "33".repeat(32), CLAIM = "0x" + "44".repeat(32);
  private static final String SUPER_ROOT = "01" + "00000000000004b0" + "00".repeat(30) + "0385" + "aa".repeat(32)
      + "00".repeat(30) + "0386" + "bb".repeat(32);

  @TempDir Path tmp;
  Path dataDir;
  String l1Head;

  @BeforeEach
  void generateChain() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Main.run(new String[] {"chain", "generate", "--out", tmp.resolve("chain").toString(), "--data-format", "directory"},
        HostWiring.defaults().withStreams(ps, ps, ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.DISCARD),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    dataDir = tmp.resolve("chain/db");
    l1Head = new ObjectMapper().readTree(tmp.resolve("chain/l1log-valid.json").toFile()).get("1").asText();
  }

  // ---- op-challenger's argument lists ----

  /** KonaExecutor.OracleCommand (kona_server_executor.go), server mode, chain named by --l2-chain-id. */
  List<String> konaSingle(boolean nativeMode, String claim) {
    List<String> args = new ArrayList<>(List.of("single",
        "--l1-node-address", L1_RPC,
        "--l1-beacon-address", BEACON,
        "--l2-node-address", L2_RPC,
        "--l1-head", l1Head,
        "--agreed-l2-head-hash", L2_HEAD,
        "--agreed-l2-output-root", OUTPUT_ROOT,
        "--claimed-l2-output-root", claim,
        "--claimed-l2-block-number", "3333"));
    if (nativeMode) {
      args.add("--native");
    } else {
      args.addAll(List.of("--server", "--data-dir", dataDir.toString()));
    }
    args.addAll(List.of("--l2-chain-id", "10")); // chaincfg.ChainByName("op-mainnet").ChainID
    return args;
  }

  /** KonaSuperExecutor.OracleCommand (kona_super_server_executor.go), server mode with every optional path. */
  List<String> konaSuper(String rollups, Path l1Config, Path depset) {
    return List.of("super",
        "--l1-node-address", L1_RPC,
        "--l1-beacon-address", BEACON,
        "--l2-node-addresses", L2_RPC + "," + L2_RPC,
        "--l1-head", l1Head,
        "--agreed-l2-pre-state", SUPER_ROOT, // common.Bytes2Hex: no 0x
        "--claimed-l2-post-state", CLAIM,
        "--claimed-l2-timestamp", "1201",
        "--server",
        "--data-dir", dataDir.toString(),
        "--rollup-config-paths", rollups, // strings.Join(cfg.RollupConfigPaths, ",")
        "--l1-config-path", l1Config.toString(),
        "--depset-cfg", depset.toString());
  }

  /** OpProgramServerExecutor.OracleCommand (op_program_server_executor.go) for a Cannon or Asterisc game on op-mainnet. */
  List<String> opProgram() {
    return List.of("--server",
        "--l1", L1_RPC,
        "--l1.beacon", BEACON,
        "--l2", L2_RPC,
        "--datadir", dataDir.toString(),
        "--l1.head", l1Head,
        "--l2.claim", CLAIM,
        "--l2.blocknumber", "3333",
        "--l2.head", L2_HEAD,
        "--l2.outputroot", OUTPUT_ROOT,
        "--network", "op-mainnet",
        "--log.level", "INFO");
  }

  // ---- running the launchers ----

  static Path root() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Files.exists(dir.resolve("bin/kona-host")) ? dir : dir.getParent();
  }

  ProcessBuilder launcher(String name, List<String> args, Map<String, String> env) {
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("bin").resolve(name).toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // The reactor's class path, so the launcher runs this build's host without packaging it.
    pb.environment().put("FPP4J_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    pb.environment().putAll(env);
    return pb.redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile());
  }

  String stderr(String name) throws IOException {
    return Files.readString(tmp.resolve(name + ".err"));
  }

  /** Starts a launcher in server mode; this test is the FPVM. */
  PipedProcess serve(String name, List<String> args) throws IOException {
    return PipedProcess.start(launcher(name, args, Map.of()), Duration.ofSeconds(60));
  }

  static OracleClient client(PipedProcess host) {
    return OracleClient.of(new OracleReader(host.preimageChannel()), new HintWriter(host.hintChannel()));
  }

  /** The generated L1 head's header, from the data directory: a global preimage served without any fetch. */
  void assertL1HeadHeaderServed(OracleClient oracle) {
    byte[] header = oracle.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, Hex.decode(l1Head)));
    assertThat(Hex.prefixed(Hashing.keccak256(header))).isEqualTo(l1Head);
  }

  static int finish(PipedProcess host) throws Exception {
    host.hintChannel().close();
    host.preimageChannel().close();
    return host.waitFor();
  }

  static String u64(byte[] v) {
    return Long.toUnsignedString(ByteBuffer.wrap(v).getLong());
  }

  @Test
  void konaHostSingleInServerModeServesLocalKeysAndTheDataDirectory() throws Exception {
    try (PipedProcess host = serve("kona-host", konaSingle(false, CLAIM))) {
      OracleClient oracle = client(host);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(1)))).isEqualTo(l1Head);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(2)))).isEqualTo(OUTPUT_ROOT);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(3)))).isEqualTo(CLAIM);
      assertThat(u64(oracle.get(PreimageKey.local(4)))).isEqualTo("3333");
      assertThat(u64(oracle.get(PreimageKey.local(5)))).isEqualTo("10");
      assertL1HeadHeaderServed(oracle);
      assertThat(finish(host)).as(stderr("kona-host")).isEqualTo(HostExitCode.VALID);
    }
    assertThat(stderr("kona-host")).contains("server mode, online").contains("served 6 preimages");
  }

  @Test
  void konaHostSuperInServerModeServesTheInteropLocalKeys() throws Exception {
    Path r1 = Files.writeString(tmp.resolve("r901.json"), rollupJson(901));
    Path r2 = Files.writeString(tmp.resolve("r902.json"), rollupJson(902));
    Path l1Config = Files.writeString(tmp.resolve("l1.json"), "{\"chainId\": 900}");
    Path depset = Files.writeString(tmp.resolve("depset.json"), "{\"dependencies\": {\"901\": {}, \"902\": {}}}");
    try (PipedProcess host = serve("kona-host", konaSuper(r1 + "," + r2, l1Config, depset))) {
      OracleClient oracle = client(host);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(2)))).isEqualTo(Hex.prefixed(Hashing.keccak256(Hex.decode(SUPER_ROOT))));
      assertThat(u64(oracle.get(PreimageKey.local(4)))).isEqualTo("1201");
      assertThat(new String(oracle.get(PreimageKey.local(8)), StandardCharsets.UTF_8)).isEqualTo("{\"dependencies\":{\"901\":{},\"902\":{}}}");
      assertL1HeadHeaderServed(oracle);
      assertThat(finish(host)).as(stderr("kona-host")).isEqualTo(HostExitCode.VALID);
    }
  }

  @Test
  void opProgramInServerModeResolvesTheNetworkNameAndServesTheDataDirectory() throws Exception {
    try (PipedProcess host = serve("op-program", opProgram())) {
      OracleClient oracle = client(host);
      assertThat(Hex.prefixed(oracle.get(PreimageKey.local(1)))).isEqualTo(l1Head);
      assertThat(u64(oracle.get(PreimageKey.local(4)))).isEqualTo("3333");
      assertThat(u64(oracle.get(PreimageKey.local(5)))).isEqualTo("10"); // op-mainnet
      assertL1HeadHeaderServed(oracle);
      assertThat(finish(host)).as(stderr("op-program")).isEqualTo(HostExitCode.VALID);
    }
  }

  @Test
  void konaHostSingleInNativeModeRunsTheNamedJavaClientForBothVerdicts() throws Exception {
    Map<String, String> env = Map.of("FPP4J_PROGRAM", LocalKeysVerdictProgram.class.getName());
    assertThat(run(launcher("kona-host", konaSingle(true, OUTPUT_ROOT), env))).as(stderr("kona-host")).isEqualTo(HostExitCode.VALID);
    assertThat(run(launcher("kona-host", konaSingle(true, CLAIM), env))).as(stderr("kona-host")).isEqualTo(HostExitCode.INVALID);
  }

  @Test
  void konaHostTakesItsGlobalLoggingFlagsBeforeTheSubcommand() throws Exception {
    List<String> quiet = new ArrayList<>(List.of("-q"));
    quiet.addAll(konaSingle(false, CLAIM));
    try (PipedProcess host = serve("kona-host", quiet)) {
      assertL1HeadHeaderServed(client(host));
      assertThat(finish(host)).isEqualTo(HostExitCode.VALID);
    }
    assertThat(stderr("kona-host")).doesNotContain("served");
    List<String> verbose = new ArrayList<>(List.of("-vvv", "--logs.stdout.format", "full"));
    verbose.addAll(konaSingle(false, CLAIM));
    try (PipedProcess host = serve("kona-host", verbose)) {
      assertL1HeadHeaderServed(client(host));
      assertThat(finish(host)).isEqualTo(HostExitCode.VALID);
    }
    assertThat(stderr("kona-host")).contains("served 1 preimages");
    assertThat(run(launcher("kona-host", List.of("-x", "single"), Map.of()))).isEqualTo(HostExitCode.USAGE);
    assertThat(stderr("kona-host")).contains("unexpected argument '-x' before the subcommand");
  }

  static int run(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("launcher did not finish: " + pb.command());
    }
    return p.exitValue();
  }

  static String rollupJson(long chainId) {
    return "{\"genesis\": {\"l1\": {\"hash\": \"0x" + "01".repeat(32) + "\", \"number\": 1}, \"l2\": {\"hash\": \"0x"
        + "02".repeat(32) + "\", \"number\": 0}, \"l2_time\": 1000}, \"block_time\": 2, \"seq_window_size\": 3600,"
        + " \"channel_timeout\": 300, \"l1_chain_id\": 900, \"l2_chain_id\": " + chainId + "}";
  }
}
