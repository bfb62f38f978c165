package io.fpp4j.host.cli;

import static io.fpp4j.host.cli.Cli.check;
import static io.fpp4j.host.cli.Cli.concat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.ChainRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flags an audit against kona-host 1.0.2 and op-program v1.19.0 found missing or different (issue 15), one
 * test per gap.
 */
class DropInFlagsTest {
  static final String L1 = OpProgramFlagsTest.L1, CLAIM = OpProgramFlagsTest.CLAIM;
  static final HostWiring W = HostWiring.defaults();

  @TempDir Path tmp;

  static HostPlan opPlan(HostWiring w, String... args) {
    return Cli.<OpProgramCommand>parse(w, "op-program", args).plan();
  }

  static String u64(byte[] v) {
    return Long.toUnsignedString(java.nio.ByteBuffer.wrap(v).getLong());
  }

  @Test
  void opProgramNetworkNamesResolveFromTheBundledSuperchainRegistry() {
    Map<String, String> byName = Map.of("op-mainnet", "10", "OP-Sepolia", "11155420", "mainnet", "10", "sepolia", "11155420",
        "base-mainnet", "8453", "base-sepolia", "84532", "unichain-mainnet", "130", "10", "10");
    byName.forEach((name, id) -> assertThat(u64(opPlan(W, concat(OpProgramFlagsTest.BOOT, "--network", name, "--datadir", "d", "--server"))
        .locals().get(5).orElseThrow())).as(name).isEqualTo(id));
    assertThat(ChainRegistry.bundled().names()).hasSizeGreaterThan(40).contains("zora-mainnet", "ink-sepolia");
    assertThat(check(W, "op-program", concat(OpProgramFlagsTest.BOOT, "--network", "op-nowhere", "--datadir", "d")))
        .startsWith("invalid --network 'op-nowhere': unknown network");
  }

  @Test
  void konaWitnessEndpointIsOnByDefault() {
    String[] online = concat(SingleChainFlagsTest.DEFAULTS, "--server", "--l2-chain-id", "10", "--l1", "http://l1", "--l2", "http://l2",
        "--beacon", "http://b");
    assertThat(witnessOption(W, online)).isEqualTo("true");
    assertThat(witnessOption(W, concat(online, "--enable-experimental-witness-endpoint"))).isEqualTo("true");
    assertThat(witnessOption(W, concat(online, "--enable-experimental-witness-endpoint=false"))).isEqualTo("false");
    assertThat(witnessOption(Cli.env(Map.of("ENABLE_EXPERIMENTAL_WITNESS_ENDPOINT", "off")), online)).isEqualTo("false");
  }

  private static String witnessOption(HostWiring base, String... args) {
    String[] seen = new String[1];
    HostWiring w = base.withHandlers((inputs, endpoints) -> {
      seen[0] = endpoints.options().get("enable-experimental-witness-endpoint");
      return HintHandlerRegistry.builder(Dialect.KONA).build();
    });
    Cli.<SingleChainCommand>parse(w, "single", args).plan();
    return seen[0];
  }

  @Test
  void superTakesDependencySetPathAndItsVariable() throws IOException {
    Path r = Files.writeString(tmp.resolve("r901.json"), OpProgramFlagsTest.rollupJson(901));
    Path depset = Files.writeString(tmp.resolve("depset.json"), "{\"dependencies\": {\"901\": {}}}");
    String[] args = concat(SuperFlagsTest.BOOT, "--server", "--db", "d", "--rollup-config-paths", r.toString());
    HostPlan byFlag = Cli.<SuperCommand>parse(W, "super", concat(args, "--dependency-set-path", depset.toString())).plan();
    assertThat(new String(byFlag.locals().get(8).orElseThrow())).isEqualTo("{\"dependencies\":{\"901\":{}}}");
    HostPlan byEnv = Cli.<SuperCommand>parse(Cli.env(Map.of("DEPENDENCY_SET_PATH", depset.toString())), "super", args).plan();
    assertThat(byEnv.locals().get(8).orElseThrow()).isEqualTo(byFlag.locals().get(8).orElseThrow());
    Path other = Files.writeString(tmp.resolve("other.json"), "{}");
    assertThat(check(W, "super", concat(args, "--dependency-set-path", depset.toString(), "--depset-cfg", other.toString())))
        .isEqualTo("--dependency-set-path " + depset + " and --depset-cfg " + other + " name different dependency sets: give one");
  }

  @Test
  void superRefusesToStartWhenARollupConfigSchedulesLagoonWithoutADependencySet() throws IOException {
    String lagoon = OpProgramFlagsTest.rollupJson(902).replace("\"l2_chain_id\"", "\"lagoon_time\": 1700000000, \"l2_chain_id\"");
    Path r1 = Files.writeString(tmp.resolve("r901.json"), OpProgramFlagsTest.rollupJson(901));
    Path r2 = Files.writeString(tmp.resolve("r902.json"), lagoon);
    String[] args = concat(SuperFlagsTest.BOOT, "--server", "--db", "d", "--rollup-config-paths", r1 + "," + r2);
    assertThat(check(W, "super", args)).isEqualTo("the rollup config of chain 902 schedules Lagoon (lagoon_time 1700000000), which "
        + "needs a dependency set: give --dependency-set-path (or env DEPENDENCY_SET_PATH)");
    Path depset = Files.writeString(tmp.resolve("depset.json"), "{\"dependencies\": {}}");
    assertThat(check(W, "super", concat(args, "--depset-cfg", depset.toString()))).isNull();
    // A null lagoon_time schedules nothing.
    Files.writeString(r2, OpProgramFlagsTest.rollupJson(902).replace("\"l2_chain_id\"", "\"lagoon_time\": null, \"l2_chain_id\""));
    assertThat(check(W, "super", args)).isNull();
  }

  @Test
  void superServesADefaultDependencySetAtKeyEight() throws IOException {
    Path r1 = Files.writeString(tmp.resolve("r901.json"), OpProgramFlagsTest.rollupJson(902));
    Path r2 = Files.writeString(tmp.resolve("r902.json"), OpProgramFlagsTest.rollupJson(901));
    HostPlan plan = Cli.<SuperCommand>parse(W, "super", concat(SuperFlagsTest.BOOT, "--server", "--db", "d",
        "--rollup-config-paths", r1 + "," + r2)).plan();
    assertThat(new String(plan.locals().get(8).orElseThrow())).isEqualTo("{\"dependencies\":{\"901\":{},\"902\":{}}}");
    // Without rollup configs there are no chains to list, so no key 8.
    HostPlan bare = Cli.<SuperCommand>parse(W, "super", concat(SuperFlagsTest.BOOT, "--server", "--db", "d")).plan();
    assertThat(bare.locals().get(8)).isEmpty();
  }

  @Test
  void opProgramSequenceNumberFlagAndVariable() {
    String[] noNumber = OpProgramFlagsTest.without("--l2.blocknumber");
    HostPlan byFlag = opPlan(W, concat(noNumber, "--l2.sequencenumber", "77", "--network", "10", "--datadir", "d", "--server"));
    assertThat(u64(byFlag.locals().get(4).orElseThrow())).isEqualTo("77");
    HostPlan byEnv = opPlan(Cli.env(Map.of("OP_PROGRAM_L2_SEQUENCE_NUMBER", "78")), concat(noNumber, "--network", "10", "--datadir", "d", "--server"));
    assertThat(u64(byEnv.locals().get(4).orElseThrow())).isEqualTo("78");
    assertThat(check(W, "op-program", concat(OpProgramFlagsTest.BOOT, "--l2.sequencenumber", "9", "--network", "10", "--datadir", "d")))
        .isEqualTo("--l2.sequencenumber 9 and --l2.blocknumber 8 disagree: give one");
    assertThat(check(W, "op-program", concat(noNumber, "--l2.sequencenumber", "0", "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l2.sequencenumber 0: the claimed L2 block number must be above 0");
  }

  @Test
  void opProgramAcceptsDepsetConfigOnASingleChain() {
    HostPlan plan = opPlan(W, concat(OpProgramFlagsTest.BOOT, "--network", "10", "--datadir", "d", "--server", "--depset.config", "unused.json"));
    assertThat(plan.locals().indices()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void opProgramLogFormatColorAndPid() {
    for (String format : new String[] {"text", "terminal", "logfmt", "json", "JSON-pretty"}) {
      assertThat(check(W, "op-program", concat(OpProgramFlagsTest.BOOT, "--network", "10", "--datadir", "d", "--log.format", format,
          "--log.color", "--log.pid=false"))).as(format).isNull();
    }
    OpProgramCommand bad = Cli.parse(W, "op-program", concat(OpProgramFlagsTest.BOOT, "--network", "10", "--datadir", "d", "--log.format", "xml"));
    org.assertj.core.api.Assertions.assertThatThrownBy(bad::dialectLogLevel)
        .hasMessage("invalid --log.format 'xml': use one of text, terminal, logfmt, json, json-pretty");
    OpProgramCommand fromEnv = Cli.parse(Cli.env(Map.of("OP_PROGRAM_LOG_COLOR", "true", "OP_PROGRAM_LOG_PID", "1")), "op-program",
        concat(OpProgramFlagsTest.BOOT, "--network", "10", "--datadir", "d"));
    assertThat(fromEnv.opLogColor).isTrue();
    assertThat(fromEnv.opLogPid).isTrue();
  }

  @Test
  void konaQuietAndLogsFlags() {
    SingleChainCommand quiet = Cli.parse(W, "single", concat(SingleChainFlagsTest.DEFAULTS, "--server", "--l2-chain-id", "10", "--db", "d",
        "-q", "--logs.stdout.format", "json", "--logs.file.directory", "logs", "--logs.file.format", "full", "--logs.file.rotation", "daily"));
    assertThat(quiet.dialectLogLevel()).contains(Level.OFF);
    SingleChainCommand envQuiet = Cli.parse(Cli.env(Map.of("KONA_STDOUT_LOG_QUIET", "yes")), "single",
        concat(SingleChainFlagsTest.DEFAULTS, "--server", "--l2-chain-id", "10", "--db", "d", "-vvvv"));
    assertThat(envQuiet.dialectLogLevel()).contains(Level.OFF);
    SuperCommand sup = Cli.parse(W, "super", concat(SuperFlagsTest.BOOT, "--server", "--db", "d", "-vvvv", "--logs.stdout.quiet=false"));
    assertThat(sup.dialectLogLevel()).contains(Level.DEBUG);
  }

  @Test
  void opProgramNumbersInGosBaseZero() {
    Map<String, String> forms = Map.of("0x10", "16", "0X1f", "31", "0o17", "15", "017", "15", "0b101", "5", "0x_1_0", "16",
        "18446744073709551615", "18446744073709551615", "42", "42");
    forms.forEach((form, value) -> assertThat(u64(opPlan(W, concat(OpProgramFlagsTest.without("--l2.blocknumber"),
        "--l2.blocknumber", form, "--network", "10", "--datadir", "d", "--server")).locals().get(4).orElseThrow())).as(form).isEqualTo(value));
    for (String bad : new String[] {"1_000", "0x", "08", "18446744073709551616", "-1", "ten"}) {
      assertThat(check(W, "op-program", concat(OpProgramFlagsTest.without("--l2.blocknumber"), "--l2.blocknumber", bad, "--network", "10",
          "--datadir", "d"))).as(bad).startsWith("invalid --l2.blocknumber '" + bad + "': ");
    }
  }

  @Test
  void opProgramShortHashes() {
    String[] args = OpProgramFlagsTest.with("--l1.head", "0x1");
    HostPlan plan = opPlan(W, concat(args, "--network", "10", "--datadir", "d", "--server"));
    assertThat(Hex.prefixed(plan.locals().get(1).orElseThrow())).isEqualTo("0x" + "00".repeat(31) + "01");
    HostPlan odd = opPlan(W, concat(OpProgramFlagsTest.with("--l2.outputroot", "abc"), "--network", "10", "--datadir", "d", "--server"));
    assertThat(Hex.prefixed(odd.locals().get(2).orElseThrow())).isEqualTo("0x" + "00".repeat(30) + "0abc");
    assertThat(check(W, "op-program", concat(OpProgramFlagsTest.with("--l1.head", "0x" + "11".repeat(33)), "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l1.head '0x" + "11".repeat(33) + "': longer than 32 bytes");
    assertThat(check(W, "op-program", concat(OpProgramFlagsTest.with("--l2.claim", "0x0"), "--network", "10", "--datadir", "d")))
        .isEqualTo("invalid --l2.claim '0x0': the zero claim must be written out in full (64 zeros)");
  }

  @Test
  void peersBooleanEnvironmentForms() {
    String[] args = concat(OpProgramFlagsTest.BOOT, "--network", "10", "--datadir", "d");
    for (String truthy : new String[] {"1", "t", "T", "TRUE", "true", "True"}) {
      assertThat(opPlan(Cli.env(Map.of("OP_PROGRAM_SERVER", truthy)), args).mode()).as(truthy).isEqualTo(Mode.SERVER);
    }
    for (String falsy : new String[] {"0", "f", "F", "FALSE", "false", "False"}) {
      Map<String, String> env = new HashMap<>(Map.of("OP_PROGRAM_SERVER", falsy, "OP_PROGRAM_EXEC", "/bin/true"));
      assertThat(opPlan(Cli.env(env), args).mode()).as(falsy).isEqualTo(Mode.EXEC);
    }
    // Go's ParseBool has no "yes": op-program refuses it, and so does fpp4j.
    assertThat(check(Cli.env(Map.of("OP_PROGRAM_SERVER", "yes")), "op-program", args)).contains("'yes'");
    // clap's boolish forms for kona-host.
    String[] kona = concat(SingleChainFlagsTest.DEFAULTS, "--l2-chain-id", "10", "--db", "d", "--server");
    for (String truthy : new String[] {"y", "YES", "on", "1", "t", "True"}) {
      SingleChainCommand c = Cli.parse(Cli.env(Map.of("KONA_STDOUT_LOG_QUIET", truthy)), "single", kona);
      assertThat(c.kona.quiet).as(truthy).isTrue();
    }
    for (String falsy : new String[] {"n", "No", "off", "0", "f", "FALSE"}) {
      SingleChainCommand c = Cli.parse(Cli.env(Map.of("KONA_STDOUT_LOG_QUIET", falsy)), "single", kona);
      assertThat(c.kona.quiet).as(falsy).isFalse();
    }
  }
}
