package io.fpp4j.host.cli;

import static io.fpp4j.host.cli.Cli.ZERO;
import static io.fpp4j.host.cli.Cli.check;
import static io.fpp4j.host.cli.Cli.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kona-host's {@code super} (interop) flags, aliases, environment variables and local keys. */
class SuperFlagsTest {
  static final String SUPER = OpProgramFlagsTest.SUPER;
  static final String L1 = "0x" + "11".repeat(32), CLAIM = "0x" + "44".repeat(32);
  static final String[] BOOT = {"--l1-head", L1, "--agreed-l2-pre-state", SUPER, "--claimed-l2-post-state", CLAIM,
      "--claimed-l2-timestamp", "1201"};
  static final HostWiring W = HostWiring.defaults();

  @TempDir Path tmp;

  String kona(String... extra) {
    return check(W, "super", concat(BOOT, extra));
  }

  @Test
  void validCombinationsAndAliases() {
    assertThat(kona("--server", "--data-dir", "d")).isNull();
    assertThat(kona("--native", "--db", "d")).isNull();
    assertThat(kona("--exec", "/bin/true", "--data-dir", "d")).isNull();
    assertThat(kona("--server", "--l1", "http://l1", "--l2s", "http://a,http://b", "--beacon", "http://c")).isNull();
    assertThat(check(W, "super", "--l1-head", L1, "--l2-pre-state", SUPER, "--l2-claim", CLAIM, "--l2-timestamp", "5",
        "--server", "--db", "d")).isNull();
  }

  @Test
  void invalidCombinationsWithTheirMessages() {
    assertThat(check(W, "super", "--l1-head", L1, "--claimed-l2-post-state", CLAIM, "--claimed-l2-timestamp", "1", "--server", "--db", "d"))
        .isEqualTo("missing required flag --agreed-l2-pre-state (or env AGREED_L2_PRE_STATE)");
    assertThat(kona("--data-dir", "d")).isEqualTo("one of --native, --server or --exec is required");
    assertThat(kona("--native", "--server", "--data-dir", "d")).isEqualTo("--native and --server cannot be used together");
    assertThat(kona("--server")).isEqualTo("missing required flag --data-dir (or env DATA_DIR) unless --l1-node-address, "
        + "--l2-node-addresses and --l1-beacon-address are all given (offline, every preimage comes from the data directory)");
    assertThat(kona("--server", "--l2s", "http://a"))
        .isEqualTo("--l2-node-addresses requires --l1-node-address and --l1-beacon-address: the three endpoints go together");
    assertThat(kona("--server", "--data-dir", "d", "--data-format", "file"))
        .isEqualTo("invalid --data-format 'file': use directory or rocksdb");
    String[] badState = BOOT.clone();
    badState[3] = "0x02" + SUPER.substring(4);
    assertThat(check(W, "super", concat(badState, "--server", "--db", "d")))
        .isEqualTo("--agreed-l2-pre-state starts with version byte 0x02: expected 0x01 (super root) or 0xff (transition state)");
    assertThat(kona("--server", "--db", "d", "--rollup-cfgs", "/no/such.json")).startsWith("--rollup-config-paths file /no/such.json is not a rollup config: ");
  }

  @Test
  void localKeysOfKonasInteropBootInfo() throws IOException {
    Path r1 = Files.writeString(tmp.resolve("r901.json"), OpProgramFlagsTest.rollupJson(901));
    Path r2 = Files.writeString(tmp.resolve("r902.json"), OpProgramFlagsTest.rollupJson(902));
    Path l1 = Files.writeString(tmp.resolve("l1.json"), "{\"chainId\": 900}");
    Path depset = Files.writeString(tmp.resolve("depset.json"), "{\"dependencies\": {}}");
    HostPlan plan = Cli.<SuperCommand>parse(W, "super", concat(BOOT, "--server", "--db", "d", "--rollup-config-paths", r1 + "," + r2,
        "--l1-cfg", l1.toString(), "--depset-cfg", depset.toString())).plan();
    assertThat(plan.mode()).isEqualTo(Mode.SERVER);
    assertThat(plan.handlers()).isNull();
    assertThat(plan.locals().indices()).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L);
    assertThat(Hex.prefixed(plan.locals().get(2).orElseThrow())).isEqualTo(Hex.prefixed(Hashing.keccak256(Hex.decode(SUPER))));
    assertThat(Hex.prefixed(plan.locals().get(4).orElseThrow())).isEqualTo("0x00000000000004b1");
    String six = new String(plan.locals().get(6).orElseThrow());
    assertThat(six).startsWith("{\"901\":{\"genesis\":").contains(",\"902\":{\"genesis\":").endsWith("\"l2_chain_id\":902}}");
    assertThat(new String(plan.locals().get(7).orElseThrow())).isEqualTo("{\"chainId\":900}");
    assertThat(new String(plan.locals().get(8).orElseThrow())).isEqualTo("{\"dependencies\":{}}");
    assertThat(plan.claim()).startsWith("claim " + CLAIM + " at timestamp 1201 (agreed super root at timestamp 1200 over 2 chain(s)");
  }

  @Test
  void environmentVariables() {
    Map<String, String> env = new java.util.HashMap<>(Map.of("L1_HEAD", L1, "AGREED_L2_PRE_STATE", SUPER, "CLAIMED_L2_POST_STATE", ZERO,
        "CLAIMED_L2_TIMESTAMP", "7", "DATA_DIR", "/data"));
    SuperCommand offline = Cli.parse(Cli.env(env), "super", "--server");
    assertThat(offline.validate().timestamp()).isEqualTo(7);
    assertThat(offline.kona.dataDir).hasToString("/data");
    env.put("L2_NODE_ADDRESSES", "http://a,http://b");
    SuperCommand c = Cli.parse(Cli.env(env), "super", "--server");
    assertThat(c.l2s()).containsExactly("http://a", "http://b");
    assertThat(check(Cli.env(env), "super", "--server"))
        .isEqualTo("--l2-node-addresses (from env L2_NODE_ADDRESSES) requires --l1-node-address and --l1-beacon-address: "
            + "the three endpoints go together");
  }
}
