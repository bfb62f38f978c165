package io.fpp4j.host.cli;

import static io.fpp4j.host.cli.Cli.ZERO;
import static io.fpp4j.host.cli.Cli.check;
import static io.fpp4j.host.cli.Cli.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.local.OpProgramInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The op-program host's flags and config checks. */
class OpProgramFlagsTest {
  static final String L1 = "0x" + "11".repeat(32), L2H = "0x" + "22".repeat(32), OUT = "0x" + "33".repeat(32),
      CLAIM = "0x" + "44".repeat(32);
  static final String[] BOOT = {"--l1.head", L1, "--l2.head", L2H, "--l2.outputroot", OUT, "--l2.claim", CLAIM,
      "--l2.blocknumber", "8"};
  static final HostWiring W = HostWiring.defaults();

  @TempDir Path tmp;

  String op(String... extra) {
    return check(W, "op-program", concat(BOOT, extra));
  }

  static String[] without(String flag) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < BOOT.length; i += 2) {
      if (!BOOT[i].equals(flag)) {
        out.add(BOOT[i]);
        out.add(BOOT[i + 1]);
      }
    }
    return out.toArray(String[]::new);
  }

  static String[] with(String flag, String value) {
    String[] b = BOOT.clone();
    for (int i = 0; i < b.length; i += 2) if (b[i].equals(flag)) b[i + 1] = value;
    return b;
  }

  @Test
  void validCombinations() {
    assertThat(op("--network", "10", "--datadir", "d")).isNull();
    assertThat(op("--network", "10", "--datadir", "d", "--server")).isNull();
    assertThat(op("--network", "10", "--datadir", "d", "--exec", "/bin/true")).isNull();
    assertThat(op("--network", "10", "--l1", "http://l1", "--l2", "http://l2", "--l1.beacon", "http://b")).isNull();
    assertThat(op("--rollup.config", "r.json", "--l2.genesis", "g.json", "--datadir", "d", "--data.format", "file")).isNull();
    // l1 and l2 without a beacon do not fetch, so a datadir is enough (op-program runs offline then).
    assertThat(op("--network", "10", "--l1", "http://l1", "--l2", "http://l2", "--datadir", "d")).isNull();
    // The zero claim is allowed.
    assertThat(check(W, "op-program", concat(with("--l2.claim", ZERO), "--network", "10", "--datadir", "d"))).isNull();
  }

  @Test
  void invalidCombinationsWithTheirMessages() {
    assertThat(check(W, "op-program", concat(without("--l1.head"), "--network", "10", "--datadir", "d")))
        .isEqualTo("missing required flag --l1.head (or env OP_PROGRAM_L1_HEAD)");
    assertThat(check(W, "op-program", concat(without("--l2.blocknumber"), "--network", "10", "--datadir", "d")))
        .isEqualTo("missing required flag --l2.sequencenumber or --l2.blocknumber (or env OP_PROGRAM_L2_SEQUENCE_NUMBER or OP_PROGRAM_L2_BLOCK_NUM)");
    assertThat(check(W, "op-program", concat(without("--l2.outputroot"), "--network", "10", "--datadir", "d")))
        .isEqualTo("missing required flag --l2.outputroot (or env OP_PROGRAM_L2_OUTPUT_ROOT) (or --l2.agreed-prestate for an interop run)");
    assertThat(check(W, "op-program", concat(without("--l2.head"), "--network", "10", "--datadir", "d")))
        .isEqualTo("--l2.head is required when --l2.outputroot is given");
    assertThat(check(W, "op-program", concat(with("--l1.head", ZERO), "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l1.head: the zero hash is not a valid L1 head");
    assertThat(check(W, "op-program", concat(with("--l2.head", ZERO), "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l2.head: the zero hash is not a valid L2 head");
    assertThat(check(W, "op-program", concat(with("--l2.outputroot", ZERO), "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l2.outputroot: the zero hash is not a valid L2 output root");
    assertThat(check(W, "op-program", concat(with("--l2.blocknumber", "0"), "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l2.blocknumber 0: the claimed L2 block number must be above 0");
    assertThat(check(W, "op-program", concat(with("--l2.claim", "0x0"), "--network", "10", "--datadir", "d")))
        .startsWith("invalid --l2.claim '0x0': ");
    assertThat(op("--network", "10", "--l1", "http://l1", "--datadir", "d"))
        .isEqualTo("--l1 and --l2 must be given together or both omitted");
    assertThat(op("--network", "10", "--l2", "http://l2", "--datadir", "d"))
        .isEqualTo("--l1 and --l2 must be given together or both omitted");
    assertThat(op("--network", "10")).isEqualTo("--datadir must be given when not fetching (fetching needs all of --l1, --l2 and --l1.beacon)");
    assertThat(op("--network", "10", "--l1", "http://l1", "--l2", "http://l2"))
        .isEqualTo("--datadir must be given when not fetching (fetching needs all of --l1, --l2 and --l1.beacon)");
    assertThat(op("--network", "10", "--datadir", "d", "--server", "--exec", "/bin/true"))
        .isEqualTo("--exec must not be set in server mode (--server)");
    // op-program's three formats; pebble goes through the Go helper (host/scripts/setup-pebble.sh).
    assertThat(op("--network", "10", "--datadir", "d", "--data.format", "pebble")).isNull();
    assertThat(op("--network", "10", "--datadir", "d", "--data.format", "rocksdb"))
        .isEqualTo("invalid --data.format 'rocksdb': use directory, file or pebble");
    assertThat(op("--datadir", "d"))
        .isEqualTo("missing rollup config: give --network CHAIN_ID, or --rollup.config FILE with --l2.genesis FILE");
    assertThat(op("--network", "op-sepoli", "--datadir", "d"))
        .startsWith("invalid --network 'op-sepoli': unknown network; fpp4j's bundled superchain registry (commit ")
        .contains("op-mainnet, op-sepolia");
    assertThat(op("--rollup.config", "r.json", "--datadir", "d"))
        .isEqualTo("--l2.genesis is required with --rollup.config (a custom chain)");
    assertThat(op("--l2.genesis", "g.json", "--datadir", "d")).isEqualTo("missing rollup config: give --network CHAIN_ID, "
        + "or --rollup.config FILE with --l2.genesis FILE");
    assertThat(op("--network", "10", "--rollup.config", "r.json", "--datadir", "d"))
        .isEqualTo("--network cannot be combined with --rollup.config, --l2.genesis or --l1.chainconfig");
    assertThat(op("--network", "10", "--l2.custom", "--datadir", "d"))
        .isEqualTo("--l2.custom cannot be used with named networks (--network)");
    assertThat(op("--network", "10,11", "--datadir", "d")).startsWith("several --network/--rollup.config/--l2.genesis values");
    assertThat(op("--network", "10", "--l1", "http://l1", "--l2", "http://a", "--l2", "http://b", "--l1.beacon", "http://c"))
        .startsWith("several --l2 endpoints serve several chains (interop)");
    assertThat(op("--network", "10", "--datadir", "d", "extra"))
        .isEqualTo("unexpected argument 'extra': program arguments are only accepted with --exec (after --)");
  }

  @Test
  void environmentVariablesWithTheOpProgramPrefix() {
    Map<String, String> env = new HashMap<>(Map.of("OP_PROGRAM_L1_HEAD", L1, "OP_PROGRAM_L2_HEAD", L2H,
        "OP_PROGRAM_L2_OUTPUT_ROOT", OUT, "OP_PROGRAM_L2_CLAIM", CLAIM, "OP_PROGRAM_L2_BLOCK_NUM", "9",
        "OP_PROGRAM_NETWORK", "8453", "OP_PROGRAM_DATADIR", "/data", "OP_PROGRAM_SERVER", "true",
        "OP_PROGRAM_LOG_LEVEL", "debug", "OP_PROGRAM_DATA_FORMAT", "file"));
    OpProgramCommand c = Cli.parse(Cli.env(env), "op-program");
    OpProgramInputs in = (OpProgramInputs) c.validate();
    assertThat(c.serverMode).isTrue();
    assertThat(c.dataDir).hasToString("/data");
    assertThat(c.dataFormat).isEqualTo("file");
    assertThat(c.dialectLogLevel()).contains(Level.DEBUG);
    assertThat(in.l2BlockNumber()).isEqualTo(9);
    assertThat(Hex.prefixed(in.localInputs().get(5).orElseThrow())).isEqualTo("0x0000000000002105");
    env.put("OP_PROGRAM_DATA_FORMAT", "kv");
    assertThat(check(Cli.env(env), "op-program"))
        .isEqualTo("invalid --data.format (from env OP_PROGRAM_DATA_FORMAT) 'kv': use directory, file or pebble");
    env.put("OP_PROGRAM_DATA_FORMAT", "directory");
    env.put("OP_PROGRAM_EXEC", "/bin/true");
    assertThat(check(Cli.env(env), "op-program")).isEqualTo("--exec must not be set in server mode (--server)");
    env.remove("OP_PROGRAM_SERVER");
    env.put("OP_PROGRAM_L1_RPC", "http://l1");
    env.put("OP_PROGRAM_L2_RPC", "http://a,http://b");
    env.put("OP_PROGRAM_L1_BEACON_API", "http://c");
    assertThat(check(Cli.env(env), "op-program")).startsWith("several --l2 endpoints");
    env.put("OP_PROGRAM_L2_BLOCK_NUM", "0");
    assertThat(check(Cli.env(env), "op-program"))
        .isEqualTo("invalid --l2.blocknumber (from env OP_PROGRAM_L2_BLOCK_NUM) 0: the claimed L2 block number must be above 0");
  }

  @Test
  void customChainFilesBecomeLocalKeysSixSevenNine() throws IOException {
    Path rollup = Files.writeString(tmp.resolve("rollup.json"), "{\"l2_chain_id\": 901}");
    Path genesis = Files.writeString(tmp.resolve("genesis.json"), "{\"config\": {\"chainId\": 901}}");
    Path l1 = Files.writeString(tmp.resolve("l1.json"), "{\"chainId\": 900}");
    OpProgramCommand c = Cli.parse(W, "op-program", concat(BOOT, "--rollup.config", rollup.toString(), "--l2.genesis",
        genesis.toString(), "--l1.chainconfig", l1.toString(), "--datadir", "d", "--exec", "/bin/true", "--", "-x", "y"));
    HostPlan plan = c.plan();
    assertThat(plan.mode()).isEqualTo(Mode.EXEC);
    assertThat(plan.execCommand()).containsExactly("/bin/true", "-x", "y");
    assertThat(plan.locals().indices()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L);
    assertThat(Hex.prefixed(plan.locals().get(5).orElseThrow())).isEqualTo("0xffffffffffffffff");
    assertThat(plan.handlers()).isNull();
    assertThat(plan.claim()).isEqualTo("claim " + CLAIM + " at L2 block 8 (agreed output " + OUT + " of L2 block " + L2H
        + ", L1 head " + L1 + ")");
  }

  /** Version 1 super root at timestamp 1200 over chains 901 and 902. */
  static final String SUPER = "0x01" + "00000000000004b0" + "00".repeat(30) + "0385" + "aa".repeat(32)
      + "00".repeat(30) + "0386" + "bb".repeat(32);

  static String rollupJson(long chainId) {
    return "{\"genesis\": {\"l1\": {\"hash\": \"0x" + "01".repeat(32) + "\", \"number\": 1}, \"l2\": {\"hash\": \"0x"
        + "02".repeat(32) + "\", \"number\": 0}, \"l2_time\": 1000}, \"block_time\": 2, \"seq_window_size\": 3600,"
        + " \"channel_timeout\": 300, \"l1_chain_id\": 900, \"l2_chain_id\": " + chainId + "}";
  }

  /** The interop flags without --l2.outputroot and --l2.head, with two chains' files. */
  String[] interop(String... extra) throws IOException {
    Path r1 = Files.writeString(tmp.resolve("r901.json"), rollupJson(901));
    Path r2 = Files.writeString(tmp.resolve("r902.json"), rollupJson(902));
    Path g1 = Files.writeString(tmp.resolve("g901.json"), "{\"config\": {\"chainId\": 901}}");
    Path g2 = Files.writeString(tmp.resolve("g902.json"), "{\"config\": {\"chainId\": 902}}");
    return concat(new String[] {"--l1.head", L1, "--l2.agreed-prestate", SUPER, "--l2.claim", CLAIM, "--l2.blocknumber", "1201",
        "--rollup.config", r1 + "," + r2, "--l2.genesis", g1.toString(), "--l2.genesis", g2.toString()}, extra);
  }

  @Test
  void interopRunServesOpProgramsInteropLocalKeys() throws IOException {
    Path depset = Files.writeString(tmp.resolve("depset.json"), "{ \"dependencies\": {\"901\": {}, \"902\": {}} }");
    OpProgramCommand c = Cli.parse(W, "op-program", interop("--depset.config", depset.toString(), "--datadir", "d", "--server"));
    HostPlan plan = c.plan();
    assertThat(plan.mode()).isEqualTo(Mode.SERVER);
    assertThat(plan.locals().indices()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    String root = Hex.prefixed(io.fpp4j.primitives.Hashing.keccak256(Hex.decode(SUPER)));
    assertThat(Hex.prefixed(plan.locals().get(2).orElseThrow())).isEqualTo(root);
    assertThat(Hex.prefixed(plan.locals().get(3).orElseThrow())).isEqualTo(CLAIM);
    assertThat(Hex.prefixed(plan.locals().get(4).orElseThrow())).isEqualTo("0x00000000000004b1");
    assertThat(Hex.prefixed(plan.locals().get(5).orElseThrow())).isEqualTo("0xffffffffffffffff");
    assertThat(new String(plan.locals().get(6).orElseThrow())).isEqualTo("[{\"chainId\":901},{\"chainId\":902}]");
    assertThat(new String(plan.locals().get(7).orElseThrow())).startsWith("[{\"genesis\":").contains("\"l2_chain_id\":901}")
        .endsWith("\"l2_chain_id\":902}]");
    assertThat(new String(plan.locals().get(8).orElseThrow())).isEqualTo("{\"dependencies\":{\"901\":{},\"902\":{}}}");
    assertThat(plan.claim()).isEqualTo("claim " + CLAIM + " at timestamp 1201 (agreed super root at timestamp 1200 over 2 chain(s), root "
        + root + ", chains 901, 902, L1 head " + L1 + ")");
  }

  @Test
  void interopFlagsFromTheEnvironmentAndSeveralL2Endpoints() throws IOException {
    String[] args = interop("--l1", "http://l1", "--l2", "http://a,http://b", "--l1.beacon", "http://c");
    assertThat(check(W, "op-program", args)).isNull();
    Map<String, String> env = new HashMap<>(Map.of("OP_PROGRAM_L2_AGREED_PRESTATE", SUPER));
    String[] noPrestate = java.util.Arrays.stream(args).filter(a -> !a.equals("--l2.agreed-prestate") && !a.equals(SUPER))
        .toArray(String[]::new);
    assertThat(check(Cli.env(env), "op-program", noPrestate)).isNull();
    env.put("OP_PROGRAM_L2_AGREED_PRESTATE", "0x02");
    assertThat(check(Cli.env(env), "op-program", noPrestate)).isEqualTo("--l2.agreed-prestate (from env OP_PROGRAM_L2_AGREED_PRESTATE) "
        + "starts with version byte 0x02: expected 0x01 (super root) or 0xff (transition state)");
  }

  @Test
  void interopInvalidCombinationsWithTheirMessages() throws IOException {
    assertThat(check(W, "op-program", interop("--l2.outputroot", OUT, "--datadir", "d")))
        .isEqualTo("give one of --l2.outputroot (a single chain) and --l2.agreed-prestate (interop), not both");
    assertThat(check(W, "op-program", interop("--network", "10", "--datadir", "d")))
        .startsWith("--network in an interop run: fpp4j bundles the registry's chain ids, not its genesis files");
    assertThat(check(W, "op-program", interop("--network", "op-nowhere", "--datadir", "d")))
        .startsWith("invalid --network 'op-nowhere': unknown network");
    assertThat(check(W, "op-program", interop("--l2.custom", "--datadir", "d")))
        .isEqualTo("--l2.custom is implied in an interop run (the configs are always served)");
    assertThat(check(W, "op-program", interop("--rollup.config", tmp.resolve("r901.json").toString(), "--datadir", "d")))
        .isEqualTo("an interop run needs one --l2.genesis per --rollup.config, in the same order: got 3 --rollup.config and 2 --l2.genesis");
    assertThat(check(W, "op-program", interop())).startsWith("--datadir must be given when not fetching");
    assertThat(check(W, "op-program", interop("--datadir", "d", "--l1", "http://l1")))
        .isEqualTo("--l1 and --l2 must be given together or both omitted");
    String[] zeroTime = interop("--datadir", "d");
    zeroTime[7] = "0";
    assertThat(check(W, "op-program", zeroTime)).isEqualTo("invalid --l2.blocknumber 0: the game timestamp must be above 0");
    String[] badHex = interop("--datadir", "d");
    badHex[3] = "0x0g";
    assertThat(check(W, "op-program", badHex)).startsWith("invalid --l2.agreed-prestate: ");
    Files.writeString(tmp.resolve("broken.json"), "{\"l2_chain_id\": 903}");
    String[] badRollup = interop("--datadir", "d");
    badRollup[9] = tmp.resolve("broken.json") + "," + tmp.resolve("r902.json");
    assertThat(check(W, "op-program", badRollup)).startsWith("--rollup.config file " + tmp.resolve("broken.json") + " is not a rollup config: ");
    String[] sameChain = interop("--datadir", "d");
    sameChain[9] = tmp.resolve("r901.json") + "," + tmp.resolve("r901.json");
    assertThat(check(W, "op-program", sameChain)).isEqualTo("two --rollup.config files are for L2 chain 901");
  }

  @Test
  void modesAndPrograms() throws IOException {
    Path plain = Files.writeString(tmp.resolve("client"), "not a program");
    OpProgramCommand nat = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d"));
    assertThatThrownBy(nat::plan).hasMessage("running without --exec or --server runs a Java client in this process: name its "
        + "class with --program CLASS (no default client is bundled for 'op-program'), or run a client binary with --exec PATH");
    OpProgramCommand prog = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d", "--program",
        "io.fpp4j.host.ClaimProgram"));
    assertThat(prog.plan().mode()).isEqualTo(Mode.NATIVE);
    OpProgramCommand notProgram = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d", "--program",
        "java.lang.String"));
    assertThatThrownBy(notProgram::plan)
        .hasMessage("invalid --program 'java.lang.String': it does not implement io.fpp4j.fpvm.FaultProofProgram");
    OpProgramCommand noClass = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d", "--program", "no.Such"));
    assertThatThrownBy(noClass::plan).hasMessage("invalid --program 'no.Such': no such class on the class path (the fpp4j launcher adds FPP4J_PROGRAM_CP to it)");
    OpProgramCommand noFile = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d", "--exec", "/no/such/client"));
    assertThatThrownBy(noFile::plan).hasMessage("invalid --exec '/no/such/client': no such file");
    OpProgramCommand notExec = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d", "--exec", plain.toString()));
    assertThatThrownBy(notExec::plan).hasMessage("invalid --exec '" + plain + "': not an executable file");
    OpProgramCommand badRetry = Cli.parse(W, "op-program", concat(BOOT, "--network", "10", "--datadir", "d", "--server",
        "--retry", "bounded", "--retry-min-backoff", "0ms"));
    assertThatThrownBy(badRetry::plan)
        .hasMessage("invalid retry backoff: minimum backoff must be positive, got PT0S: a zero wait would spin");
  }

  @Test
  void fetchingAsksTheHandlerFactory() {
    HintHandlerRegistry registry = HintHandlerRegistry.builder(Dialect.OP_PROGRAM).build();
    String[] seen = new String[1];
    HostWiring wired = W.withHandlers((inputs, endpoints) -> {
      seen[0] = endpoints.toString();
      return registry;
    });
    OpProgramCommand c = Cli.parse(wired, "op-program", concat(BOOT, "--network", "10", "--server", "--l1", "http://l1",
        "--l2", "http://l2", "--l1.beacon", "http://b", "--l2.experimental", "http://x", "--retry", "bounded",
        "--retry-attempts", "7"));
    HostPlan plan = c.plan();
    assertThat(plan.handlers()).isSameAs(registry);
    assertThat(plan.retry().toString()).isEqualTo("bounded (7 attempts, backoff 50ms..1s +25ms jitter)");
    assertThat(seen[0]).startsWith("OnlineEndpoints[l1=http://l1, l2=http://l2, beacon=http://b, options=")
        .contains("l2.experimental=http://x").contains("l1.rpckind=standard").contains("l1.trustrpc=false");
  }
}
