package io.fpp4j.host.cli;

import static io.fpp4j.host.cli.Cli.ZERO;
import static io.fpp4j.host.cli.Cli.check;
import static io.fpp4j.host.cli.Cli.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.TestStores;
import io.fpp4j.host.local.KonaSingleChainInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.HintType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kona-host's {@code single} flags: the combinations its {@code test_flags} lists, and fpp4j's messages. */
class SingleChainFlagsTest {
  static final String[] DEFAULTS = {"--l1-head", ZERO, "--l2-head", ZERO, "--l2-output-root", ZERO, "--l2-claim", ZERO,
      "--l2-block-number", "0"};
  static final HostWiring W = HostWiring.defaults();

  String single(String... extra) {
    return check(W, "single", concat(DEFAULTS, extra));
  }

  @Test
  void validCombinationsOfKonasTestFlags() {
    assertThat(single("--server", "--l2-chain-id", "0", "--data-dir", "dummy")).isNull();
    assertThat(single("--server", "--rollup-config-path", "dummy", "--data-dir", "dummy")).isNull();
    assertThat(single("--native", "--l2-chain-id", "0", "--data-dir", "dummy")).isNull();
    assertThat(single("--native", "--rollup-config-path", "dummy", "--data-dir", "dummy")).isNull();
    assertThat(single("--l1-node-address", "dummy", "--l2-node-address", "dummy", "--l1-beacon-address", "dummy",
        "--server", "--l2-chain-id", "0")).isNull();
  }

  @Test
  void invalidCombinationsOfKonasTestFlagsWithTheirMessages() {
    assertThat(single("--server", "--native", "--l2-chain-id", "0")).isEqualTo("--native and --server cannot be used together");
    assertThat(single("--l2-chain-id", "0", "--rollup-config-path", "dummy", "--server"))
        .isEqualTo("--l2-chain-id cannot be used with --rollup-config-path");
    assertThat(single("--server")).isEqualTo("one of --l2-chain-id or --rollup-config-path is required");
    assertThat(single("--native")).isEqualTo("one of --l2-chain-id or --rollup-config-path is required");
    assertThat(single("--rollup-config-path", "dummy")).isEqualTo("one of --native, --server or --exec is required");
    assertThat(single("--l2-chain-id", "0")).isEqualTo("one of --native, --server or --exec is required");
    assertThat(single("--l1-node-address", "dummy", "--server", "--l2-chain-id", "0"))
        .isEqualTo("--l1-node-address requires --l2-node-address and --l1-beacon-address: the three endpoints go together");
    assertThat(single("--l2-node-address", "dummy", "--server", "--l2-chain-id", "0"))
        .isEqualTo("--l2-node-address requires --l1-node-address and --l1-beacon-address: the three endpoints go together");
    assertThat(single("--l1-beacon-address", "dummy", "--server", "--l2-chain-id", "0"))
        .isEqualTo("--l1-beacon-address requires --l1-node-address and --l2-node-address: the three endpoints go together");
    assertThat(single()).isEqualTo("one of --native, --server or --exec is required");
  }

  @Test
  void moreMessages() {
    assertThat(check(W, "single", "--server")).isEqualTo("missing required flag --l1-head (or env L1_HEAD)");
    assertThat(single("--server", "--l2-chain-id", "0"))
        .isEqualTo("missing required flag --data-dir (or env DATA_DIR) unless --l1-node-address, --l2-node-address and "
            + "--l1-beacon-address are all given (offline, every preimage comes from the data directory)");
    assertThat(single("--server", "--exec", "/bin/true", "--l2-chain-id", "0", "--db", "d"))
        .isEqualTo("--server and --exec cannot be used together");
    assertThat(single("--server", "--l2-chain-id", "0", "--db", "d", "--data-format", "pebble"))
        .isEqualTo("invalid --data-format 'pebble': use directory or rocksdb");
    assertThat(single("--server", "--l2-chain-id", "0", "--db", "d", "stray"))
        .isEqualTo("unexpected argument 'stray': program arguments are only accepted with --exec (after --)");
    assertThat(check(W, "single", "--bogus")).isEqualTo("Unknown option: '--bogus'");
    assertThat(check(W, "single", "--l1-head", ZERO, "--l1-head", ZERO))
        .isEqualTo("option '--l1-head' (HASH) should be specified only once");
  }

  @Test
  void valuesAreParsedStrictly() {
    String[] args = DEFAULTS.clone();
    args[1] = "0x12";
    SingleChainCommand c = Cli.parse(W, "single", concat(args, "--server", "--l2-chain-id", "0", "--db", "d"));
    assertThatThrownBy(c::inputs).hasMessage("invalid --l1-head '0x12': a 32-byte hash must be 32 bytes, got 1: 0x12");
    SingleChainCommand n = Cli.parse(W, "single", concat(DEFAULTS, "--server", "--l2-chain-id", "-1", "--db", "d"));
    assertThatThrownBy(n::inputs)
        .hasMessage("invalid --l2-chain-id '-1': expected a decimal number from 0 to 18446744073709551615");
  }

  @Test
  void longNamesAndAliasesFillKonasLocalKeys() {
    String h1 = "0x" + "11".repeat(32), h2 = "0x" + "22".repeat(32), h3 = "0x" + "33".repeat(32), h4 = "0x" + "44".repeat(32);
    SingleChainCommand c = Cli.parse(W, "single", "--l1-head", h1, "--agreed-l2-head-hash", h2, "--agreed-l2-output-root", h3,
        "--claimed-l2-output-root", h4, "--claimed-l2-block-number", "18446744073709551615", "--l2-chain-id", "10",
        "--server", "--data-dir", "d");
    c.validate();
    KonaSingleChainInputs in = c.inputs();
    assertThat(in.agreedL2HeadHash().toHex()).isEqualTo(h2);
    var locals = in.localInputs();
    assertThat(Hex.prefixed(locals.get(1).orElseThrow())).isEqualTo(h1);
    assertThat(Hex.prefixed(locals.get(2).orElseThrow())).isEqualTo(h3);
    assertThat(Hex.prefixed(locals.get(3).orElseThrow())).isEqualTo(h4);
    assertThat(Hex.prefixed(locals.get(4).orElseThrow())).isEqualTo("0xffffffffffffffff");
    assertThat(Hex.prefixed(locals.get(5).orElseThrow())).isEqualTo("0x000000000000000a");
  }

  @Test
  void environmentVariablesFillMissingFlags() {
    Map<String, String> env = new HashMap<>(Map.of("L1_HEAD", "0x" + "aa".repeat(32), "AGREED_L2_HEAD_HASH", ZERO,
        "AGREED_L2_OUTPUT_ROOT", ZERO, "CLAIMED_L2_OUTPUT_ROOT", "0x" + "cc".repeat(32), "CLAIMED_L2_BLOCK_NUMBER", "42",
        "L2_CHAIN_ID", "11155420", "DATA_DIR", "/data", "DATA_FORMAT", "rocksdb"));
    SingleChainCommand c = Cli.parse(Cli.env(env), "single", "--server");
    c.validate();
    assertThat(c.kona.dataDir).hasToString("/data");
    assertThat(c.kona.dataFormat).isEqualTo("rocksdb");
    KonaSingleChainInputs in = c.inputs();
    assertThat(in.l1Head().toHex()).isEqualTo("0x" + "aa".repeat(32));
    assertThat(in.claimedL2BlockNumber()).isEqualTo(42);
    assertThat(in.l2ChainId()).isEqualTo(11155420L);
    // The command line wins over the environment.
    SingleChainCommand d = Cli.parse(Cli.env(env), "single", "--server", "--l2-block-number", "7");
    assertThat(d.inputs().claimedL2BlockNumber()).isEqualTo(7);
    // A bad value from the environment is named as such.
    env.put("L1_HEAD", "zz");
    SingleChainCommand e = Cli.parse(Cli.env(env), "single", "--server");
    assertThatThrownBy(e::inputs).hasMessageStartingWith("invalid --l1-head (from env L1_HEAD) 'zz': ");
    // RPC endpoints from the environment make an online host.
    env.put("L1_HEAD", ZERO);
    env.remove("DATA_DIR");
    env.putAll(Map.of("L1_NODE_ADDRESS", "http://l1", "L2_NODE_ADDRESS", "http://l2", "L1_BEACON_ADDRESS", "http://beacon"));
    SingleChainCommand online = Cli.parse(Cli.env(env), "single", "--server");
    online.validate();
    assertThat(online.online()).isTrue();
    env.remove("L2_NODE_ADDRESS");
    assertThat(check(Cli.env(env), "single", "--server"))
        .isEqualTo("--l1-node-address (from env L1_NODE_ADDRESS) requires --l2-node-address: the three endpoints go together");
  }

  @Test
  void onlineModeAsksTheWiredHandlerFactoryWithTheEndpoints() {
    String[] args = concat(DEFAULTS, "--server", "--l2-chain-id", "0", "--l1", "http://l1", "--l2", "http://l2",
        "--beacon", "http://b", "--enable-experimental-witness-endpoint");
    // The default wiring builds the real handlers of the Kona dialect, without contacting the endpoints.
    HostPlan real = Cli.<SingleChainCommand>parse(W, "single", args).plan();
    assertThat(real.handlers().types().stream().map(HintType::wireName)).containsExactly("l1-block-header", "l1-transactions",
        "l1-receipts", "l1-blob",
        "l1-precompile", "l2-block-header", "l2-transactions", "l2-code", "starting-l2-output", "l2-state-node",
        "l2-account-proof", "l2-account-storage-proof", "l2-payload-witness");
    HintHandlerRegistry registry = HintHandlerRegistry.builder(Dialect.KONA)
        .register(HintType.L1_BLOCK_HEADER, HashHint.class, (h, s) -> {}).build();
    String[] seen = new String[1];
    HostWiring wired = W.withStores(TestStores.opener()).withHandlers((inputs, endpoints) -> {
      seen[0] = inputs.getClass().getSimpleName() + " " + endpoints;
      return registry;
    });
    HostPlan plan = Cli.<SingleChainCommand>parse(wired, "single", args).plan();
    assertThat(plan.mode()).isEqualTo(Mode.SERVER);
    assertThat(plan.handlers()).isSameAs(registry);
    assertThat(plan.dataDir()).isNull();
    assertThat(seen[0]).isEqualTo("KonaSingleChainInputs OnlineEndpoints[l1=http://l1, l2=http://l2, beacon=http://b, "
        + "options={enable-experimental-witness-endpoint=true}]");
  }

  @Test
  void konaVerbosityAndLogLevel() {
    assertThat(Cli.<SingleChainCommand>parse(W, "single", "-vvvv").dialectLogLevel()).contains(Level.DEBUG);
    assertThat(Cli.<SingleChainCommand>parse(W, "single", "-v").dialectLogLevel()).contains(Level.ERROR);
    assertThat(Cli.<SingleChainCommand>parse(Cli.env(Map.of("KONA_LOG_LEVEL", "5")), "single").dialectLogLevel())
        .contains(Level.TRACE);
    assertThat(Cli.<SingleChainCommand>parse(W, "single").dialectLogLevel()).isEmpty();
    assertThatThrownBy(() -> Cli.<SingleChainCommand>parse(Cli.env(Map.of("KONA_LOG_LEVEL", "loud")), "single").dialectLogLevel())
        .hasMessage("invalid env KONA_LOG_LEVEL 'loud': use 1 (error) to 5 (trace)");
    assertThatThrownBy(() -> Logging.parse("verbose", "--log-level"))
        .hasMessage("invalid --log-level 'verbose': use error, warn, info, debug or trace");
  }
}
