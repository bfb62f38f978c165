package io.fpp4j.proof.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.testing.PipeHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled superchain registry as the program's source of known chains' rollup configs. The expected values
 * come from outside the bundled JSON: OP Sepolia's from Kona's rollup config in the shared op-sepolia-executor
 * fixtures, OP Mainnet's from op-node's own OP Mainnet config (op-node/chaincfg's tests).
 */
class ChainRegistryTest {
  private final ChainRegistry registry = ChainRegistry.bundled();

  @Test
  void opSepoliaByChainIdMatchesKonasOpSepoliaConfig() throws Exception {
    RollupConfig kona = RollupConfig.parse(RollupConfigTest.konaSepoliaRollupConfig());
    RollupConfig bundled = registry.rollupConfig(11155420L).orElseThrow();

    assertThat(bundled.genesis()).isEqualTo(kona.genesis());
    assertThat(bundled.blockTime()).isEqualTo(kona.blockTime()).isEqualTo(2);
    assertThat(bundled.maxSequencerDrift()).isEqualTo(kona.maxSequencerDrift());
    assertThat(bundled.seqWindowSize()).isEqualTo(kona.seqWindowSize());
    assertThat(bundled.channelTimeout()).isEqualTo(kona.channelTimeout()).isEqualTo(300);
    assertThat(bundled.graniteChannelTimeout()).isEqualTo(kona.graniteChannelTimeout());
    assertThat(bundled.l1ChainId()).isEqualTo(kona.l1ChainId());
    assertThat(bundled.l2ChainId()).isEqualTo(kona.l2ChainId());
    assertThat(bundled.batchInboxAddress()).isEqualTo(kona.batchInboxAddress());
    assertThat(bundled.depositContractAddress()).isEqualTo(kona.depositContractAddress());
    assertThat(bundled.l1SystemConfigAddress()).isEqualTo(kona.l1SystemConfigAddress());
    // Every upgrade Kona's config schedules (the fixture predates Jovian); Kona leaves Regolith out, op-node sets 0.
    for (Map.Entry<Hardfork, Long> e : kona.activationTimes().entrySet()) {
      assertThat(bundled.activationTime(e.getKey())).as(e.getKey().name()).hasValue(e.getValue());
    }
    assertThat(kona.activationTimes()).containsKeys(Hardfork.CANYON, Hardfork.HOLOCENE, Hardfork.PECTRA_BLOB_SCHEDULE, Hardfork.ISTHMUS);
    assertThat(bundled.activationTime(Hardfork.REGOLITH)).hasValue(0L);
    assertThat(bundled.json().path("chain_op_config")).isEqualTo(kona.json().path("chain_op_config"));
  }

  /** op-node's OP Mainnet rollup config (op-node/chaincfg, chains_test.go) for the values compared. */
  @Test
  void opMainnetByChainIdHasOpNodesOpMainnetValues() {
    RollupConfig c = registry.rollupConfig(10L).orElseThrow();
    assertThat(c.genesis().l1().number()).isEqualTo(17422590L);
    assertThat(c.genesis().l1().hash()).isEqualTo(Bytes32.fromHex("0x438335a20d98863a4c0c97999eb2481921ccd28553eac6f913af7c12aec04108"));
    assertThat(c.genesis().l2().number()).isEqualTo(105235063L);
    assertThat(c.genesis().l2().hash()).isEqualTo(Bytes32.fromHex("0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3"));
    assertThat(c.genesis().l2Time()).isEqualTo(1686068903L);
    assertThat(c.genesis().systemConfig().batcherAddress()).isEqualTo(Address.fromHex("0x6887246668a3b87f54deb3b94ba47a6f63f32985"));
    assertThat(c.blockTime()).isEqualTo(2);
    assertThat(c.seqWindowSize()).isEqualTo(3600);
    assertThat(c.channelTimeout()).isEqualTo(300);
    assertThat(c.l1ChainId()).isEqualTo(1);
    assertThat(c.batchInboxAddress()).isEqualTo(Address.fromHex("0xff00000000000000000000000000000000000010"));
    assertThat(c.depositContractAddress()).isEqualTo(Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"));
    assertThat(c.l1SystemConfigAddress()).isEqualTo(Address.fromHex("0x229047fed2591dbec1eF1118d64F7aF3dB9EB290"));
    assertThat(c.activationTime(Hardfork.REGOLITH)).hasValue(0L);
    assertThat(c.activationTime(Hardfork.CANYON)).hasValue(1704992401L);
    assertThat(c.activationTime(Hardfork.ECOTONE)).hasValue(1710374401L);
    assertThat(c.activationTime(Hardfork.HOLOCENE)).hasValue(1736445601L);
    assertThat(c.activationTime(Hardfork.ISTHMUS)).hasValue(1746806401L);
  }

  @Test
  void namesAndIdsResolveToTheSameChains() {
    assertThat(registry.byName("mainnet")).hasValueSatisfying(ch -> assertThat(ch.chainId()).isEqualTo(10));
    assertThat(registry.byName("OP-Sepolia")).hasValueSatisfying(ch -> assertThat(ch.chainId()).isEqualTo(11155420L));
    assertThat(registry.byChainId(11155420L)).hasValueSatisfying(ch -> assertThat(ch.name()).isEqualTo("op-sepolia"));
    assertThat(registry.byChainId(1337)).isEmpty();
    assertThat(registry.rollupConfig(1337)).isEmpty();
    assertThat(registry.rollupConfig(LocalKeys.CUSTOM_CHAIN_ID)).isEmpty();
  }

  /** Each chain either makes a rollup config that declares its own chain id, or (Alt-DA) is refused by name. */
  @Test
  void everyBundledChainMakesARollupConfigOrIsRefusedForAltDa() {
    List<String> names = registry.names();
    assertThat(names).hasSizeGreaterThan(40);
    int altDa = 0;
    for (String name : names) {
      long id = registry.byName(name).orElseThrow().chainId();
      try {
        assertThat(registry.rollupConfig(id).orElseThrow().l2ChainId()).as(name).isEqualTo(id);
      } catch (ConfigParseException e) {
        assertThat(e).hasMessageContaining("uses Alt-DA").hasMessageContaining(Long.toString(id));
        altDa++;
      }
    }
    assertThat(altDa).as("the registry's Alt-DA chains (redstone-mainnet among them)").isPositive();
    assertThatThrownBy(() -> registry.rollupConfig(690L)).isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("redstone-mainnet");
  }

  /** Kona's map with a known chain id on key 5 takes the rollup config from the registry and never asks for key 6. */
  @Test
  void theBootLoaderTakesAKnownChainsRollupConfigFromTheRegistry() throws Exception {
    Map<PreimageKey, byte[]> store = BootInfoLoaderTest.onChainInputs(11155420L);
    store.put(PreimageKey.local(7), BootInfoLoaderTest.L1_CONFIG);
    try (PipeHost host = new PipeHost(store)) {
      BootInfo boot = new BootInfoLoader(Dialect.KONA, registry.configRegistry()).load(host.client());
      assertThat(boot.rollupConfig().genesis().l2().hash())
          .isEqualTo(Bytes32.fromHex("0x102de6ffb001480cc9b8b548fd05c34cd4f46ae4aa91759393db90ea0409887d"));
      assertThat(host.events()).containsExactlyElementsOf(BootInfoLoaderTest.gets(1, 2, 3, 4, 5, 7));
    }
  }
}
