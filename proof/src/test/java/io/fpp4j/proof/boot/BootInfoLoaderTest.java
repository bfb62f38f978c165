package io.fpp4j.proof.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.testing.PipeHost;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BootInfoLoaderTest {
  static final Bytes32 L1_HEAD = Bytes32.fromHex("0x" + "11".repeat(32));
  static final Bytes32 AGREED = Bytes32.fromHex("0x" + "22".repeat(32));
  static final Bytes32 CLAIMED = Bytes32.fromHex("0x" + "33".repeat(32));
  static final byte[] L1_CONFIG = "{\"chainId\":11155111,\"cancunTime\":1706655072,\"pragueTime\":1741159776}"
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] L2_CHAIN_CONFIG = "{\"chainId\":11155420,\"bedrockBlock\":0,\"isthmusTime\":1744905600}"
      .getBytes(StandardCharsets.UTF_8);

  static Map<PreimageKey, byte[]> onChainInputs(long chainId) {
    Map<PreimageKey, byte[]> m = new HashMap<>();
    m.put(PreimageKey.local(1), L1_HEAD.toArray());
    m.put(PreimageKey.local(2), AGREED.toArray());
    m.put(PreimageKey.local(3), CLAIMED.toArray());
    m.put(PreimageKey.local(4), u64(26207961));
    m.put(PreimageKey.local(5), u64(chainId));
    return m;
  }

  static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static List<String> gets(long... indices) {
    return java.util.Arrays.stream(indices).mapToObj(i -> "get " + PreimageKey.local(i)).toList();
  }

  @Test
  void konaReadsRollupConfigFromKeySixAndL1ConfigFromKeySeven() throws Exception {
    Map<PreimageKey, byte[]> store = onChainInputs(0); // kona-host sends 0 when given --rollup-config-path
    store.put(PreimageKey.local(6), RollupConfigTest.konaSepoliaRollupConfig());
    store.put(PreimageKey.local(7), L1_CONFIG);
    try (PipeHost host = new PipeHost(store)) {
      BootInfo boot = new BootInfoLoader(Dialect.KONA, ConfigRegistry.empty()).load(host.client());
      assertThat(boot.l1Head()).isEqualTo(L1_HEAD);
      assertThat(boot.agreedL2OutputRoot()).isEqualTo(AGREED);
      assertThat(boot.claimedL2OutputRoot()).isEqualTo(CLAIMED);
      assertThat(boot.claimedL2BlockNumber()).isEqualTo(26207961L);
      assertThat(boot.chainId()).isZero();
      assertThat(boot.rollupConfig().l2ChainId()).isEqualTo(11155420L);
      assertThat(boot.l1Config()).hasValueSatisfying(c -> assertThat(c.forkTime("pragueTime")).hasValue(1741159776L));
      assertThat(host.events()).containsExactlyElementsOf(gets(1, 2, 3, 4, 5, 6, 7));
    }
  }

  @Test
  void konaSkipsConfigKeysForARegisteredChain() throws Exception {
    RollupConfig rollup = RollupConfig.parse(RollupConfigTest.konaSepoliaRollupConfig());
    ConfigRegistry registry = ConfigRegistry.builder().rollup(rollup)
        .l1(ChainConfig.parse(L1_CONFIG, "L1 config")).build();
    try (PipeHost host = new PipeHost(onChainInputs(11155420))) {
      BootInfo boot = new BootInfoLoader(Dialect.KONA, registry).load(host.client());
      assertThat(boot.rollupConfig()).isSameAs(rollup);
      assertThat(host.events()).containsExactlyElementsOf(gets(1, 2, 3, 4, 5));
    }
  }

  @Test
  void opProgramCustomChainReadsSixSevenAndNine() throws Exception {
    Map<PreimageKey, byte[]> store = onChainInputs(LocalKeys.CUSTOM_CHAIN_ID);
    assertThat(store.get(PreimageKey.local(5))).isEqualTo(Hex.decode("ffffffffffffffff"));
    store.put(PreimageKey.local(6), L2_CHAIN_CONFIG);
    store.put(PreimageKey.local(7), RollupConfigTest.OP_NODE_SEPOLIA.getBytes(StandardCharsets.UTF_8));
    store.put(PreimageKey.local(9), L1_CONFIG);
    try (PipeHost host = new PipeHost(store)) {
      BootInfo boot = new BootInfoLoader(Dialect.OP_PROGRAM, ConfigRegistry.empty()).load(host.client());
      assertThat(boot.isCustomChain()).isTrue();
      assertThat(boot.rollupConfig().l2ChainId()).isEqualTo(11155420L);
      assertThat(boot.l2ChainConfig()).hasValueSatisfying(c -> assertThat(c.chainId()).isEqualTo(11155420L));
      assertThat(boot.l1Config()).hasValueSatisfying(c -> assertThat(c.chainId()).isEqualTo(11155111L));
      assertThat(host.events()).containsExactlyElementsOf(gets(1, 2, 3, 4, 5, 6, 7, 9));
    }
  }

  @Test
  void opProgramKnownChainUsesTheRegistryOnly() throws Exception {
    ConfigRegistry registry = ConfigRegistry.builder()
        .rollup(RollupConfig.parse(RollupConfigTest.OP_NODE_SEPOLIA))
        .l1(ChainConfig.parse(L1_CONFIG, "L1")).l2(ChainConfig.parse(L2_CHAIN_CONFIG, "L2")).build();
    try (PipeHost host = new PipeHost(onChainInputs(11155420))) {
      BootInfo boot = new BootInfoLoader(Dialect.OP_PROGRAM, registry).load(host.client());
      assertThat(boot.isCustomChain()).isFalse();
      assertThat(boot.l2ChainConfig()).isPresent();
      assertThat(host.events()).containsExactlyElementsOf(gets(1, 2, 3, 4, 5));
    }
  }

  @Test
  void opProgramUnknownChainIsAnErrorNamingTheChain() throws Exception {
    try (PipeHost host = new PipeHost(onChainInputs(10))) {
      assertThatThrownBy(() -> new BootInfoLoader(Dialect.OP_PROGRAM, ConfigRegistry.empty()).load(host.client()))
          .isInstanceOf(BootException.class).hasMessageContaining("no rollup config known for L2 chain id 10");
    }
  }

  @Test
  void opProgramRejectsAnL1ConfigOfAnotherChain() throws Exception {
    Map<PreimageKey, byte[]> store = onChainInputs(LocalKeys.CUSTOM_CHAIN_ID);
    store.put(PreimageKey.local(6), L2_CHAIN_CONFIG);
    store.put(PreimageKey.local(7), RollupConfigTest.OP_NODE_SEPOLIA.getBytes(StandardCharsets.UTF_8));
    store.put(PreimageKey.local(9), "{\"chainId\":1}".getBytes(StandardCharsets.UTF_8));
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BootInfoLoader(Dialect.OP_PROGRAM, ConfigRegistry.empty()).load(host.client()))
          .isInstanceOf(BootException.class)
          .hasMessageContaining("L1 chain config (local key 9) is for chain 1 but the rollup config's l1_chain_id is 11155111");
    }
  }

  @Test
  void wrongSizedBlockNumberIsNamed() throws Exception {
    Map<PreimageKey, byte[]> store = onChainInputs(0);
    store.put(PreimageKey.local(4), new byte[4]);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BootInfoLoader(Dialect.KONA, ConfigRegistry.empty()).load(host.client()))
          .isInstanceOf(BootException.class)
          .hasMessage("claimed L2 block number (local key 4) must be an 8-byte big-endian u64, got 4 bytes");
    }
  }

  @Test
  void malformedRollupConfigIsNamed() throws Exception {
    Map<PreimageKey, byte[]> store = onChainInputs(0);
    store.put(PreimageKey.local(6), "{\"genesis\":{}}".getBytes(StandardCharsets.UTF_8));
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BootInfoLoader(Dialect.KONA, ConfigRegistry.empty()).load(host.client()))
          .isInstanceOf(BootException.class)
          .hasMessageContaining("rollup config (local key 6): rollup config has no field 'genesis.l1'");
    }
  }

  @Test
  void missingLocalKeyNamesTheKey() throws Exception {
    Map<PreimageKey, byte[]> store = onChainInputs(0);
    store.remove(PreimageKey.local(3));
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BootInfoLoader(Dialect.KONA, ConfigRegistry.empty()).load(host.client()))
          .isInstanceOf(PreimageOracleException.class)
          .hasMessageContaining("could not read the claimed L2 output root (local key 3, " + PreimageKey.local(3) + ")");
      assertThat(host.awaitFailure()).hasMessageContaining(PreimageKey.local(3).hex());
    }
  }
}
