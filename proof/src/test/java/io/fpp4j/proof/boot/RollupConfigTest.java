package io.fpp4j.proof.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.testing.Fixtures;
import io.fpp4j.proof.testing.Tar;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RollupConfigTest {
  /** Kona's serde form, straight from a real fixture. */
  static byte[] konaSepoliaRollupConfig() throws Exception {
    byte[] fixture = Tar.read(Fixtures.executorTar(26207960)).get("block-26207960/fixture.json");
    return new ObjectMapper().writeValueAsBytes(new ObjectMapper().readTree(fixture).get("rollup_config"));
  }

  /** The same chain written the way op-node writes rollup.json (Go tags of rollup.Config). */
  static final String OP_NODE_SEPOLIA = """
      {
        "genesis": {
          "l1": {"hash": "0x48f520cf4ddaf34c8336e6e490632ea3cf1e5e93b0b2bc6e917557e31845371b", "number": 4071408},
          "l2": {"hash": "0x102de6ffb001480cc9b8b548fd05c34cd4f46ae4aa91759393db90ea0409887d", "number": 0},
          "l2_time": 1691802540,
          "system_config": {
            "batcherAddr": "0x8f23bb38f531600e5d8fddaaec41f13fab46e98c",
            "overhead": "0x00000000000000000000000000000000000000000000000000000000000000bc",
            "scalar": "0x00000000000000000000000000000000000000000000000000000000000a6fe0",
            "gasLimit": 30000000,
            "eip1559Params": "0x0000000000000000",
            "operatorFeeParams": "0x0000000000000000000000000000000000000000000000000000000000000000"
          }
        },
        "block_time": 2,
        "max_sequencer_drift": 600,
        "seq_window_size": 3600,
        "channel_timeout": 300,
        "l1_chain_id": 11155111,
        "l2_chain_id": 11155420,
        "regolith_time": 0,
        "canyon_time": 1699981200,
        "delta_time": 1703203200,
        "ecotone_time": 1708534800,
        "fjord_time": 1716998400,
        "granite_time": 1723478400,
        "holocene_time": 1732633200,
        "pectra_blob_schedule_time": 1742486400,
        "isthmus_time": 1744905600,
        "jovian_time": 1763568001,
        "batch_inbox_address": "0xff00000000000000000000000000000011155420",
        "deposit_contract_address": "0x16fc5058f25648194471939df75cf27a2fdc48bc",
        "l1_system_config_address": "0x034edd2a225f7f429a63e0f1d2084b9e0a93b538",
        "protocol_versions_address": "0x79add5713b383daa0a138d3c4780c7a1804a8090",
        "chain_op_config": {"eip1559Elasticity": 6, "eip1559Denominator": 50, "eip1559DenominatorCanyon": 250}
      }""";

  @Test
  void parsesKonaFormFromTheFixture() throws Exception {
    RollupConfig c = RollupConfig.parse(konaSepoliaRollupConfig());
    assertThat(c.l1ChainId()).isEqualTo(11155111L);
    assertThat(c.l2ChainId()).isEqualTo(11155420L);
    assertThat(c.blockTime()).isEqualTo(2);
    assertThat(c.seqWindowSize()).isEqualTo(3600);
    assertThat(c.maxSequencerDrift()).isEqualTo(600);
    assertThat(c.genesis().l1().number()).isEqualTo(4071408);
    assertThat(c.genesis().l1().hash()).isEqualTo(Bytes32.fromHex("0x48f520cf4ddaf34c8336e6e490632ea3cf1e5e93b0b2bc6e917557e31845371b"));
    assertThat(c.genesis().l2().hash()).isEqualTo(Bytes32.fromHex("0x102de6ffb001480cc9b8b548fd05c34cd4f46ae4aa91759393db90ea0409887d"));
    assertThat(c.genesis().l2Time()).isEqualTo(1691802540L);
    assertThat(c.genesis().systemConfig().gasLimit()).isEqualTo(30_000_000L);
    assertThat(c.genesis().systemConfig().batcherAddress()).isEqualTo(Address.fromHex("0x8f23bb38f531600e5d8fddaaec41f13fab46e98c"));
    assertThat(c.activationTime(Hardfork.CANYON)).hasValue(1699981200L);
    assertThat(c.activationTime(Hardfork.HOLOCENE)).hasValue(1732633200L);
    assertThat(c.activationTime(Hardfork.ISTHMUS)).hasValue(1744905600L);
    assertThat(c.activationTime(Hardfork.JOVIAN)).isEmpty();
    assertThat(c.activationTime(Hardfork.REGOLITH)).isEmpty();
    // The fixture's parent block (timestamp 0x67f6a95a) is before Isthmus, as the fixture README says.
    assertThat(c.isIsthmusActive(0x67f6a95aL)).isFalse();
    assertThat(c.isIsthmusActive(1744905600L)).isTrue();
    assertThat(c.channelTimeout(1723478399L)).isEqualTo(300);
    assertThat(c.channelTimeout(1723478400L)).isEqualTo(50);
    assertThat(c.batchInboxAddress()).isEqualTo(Address.fromHex("0xff00000000000000000000000000000011155420"));
  }

  @Test
  void parsesOpNodeFormToTheSameValues() throws Exception {
    RollupConfig opNode = RollupConfig.parse(OP_NODE_SEPOLIA);
    RollupConfig kona = RollupConfig.parse(konaSepoliaRollupConfig());
    assertThat(opNode.genesis()).isEqualTo(kona.genesis());
    assertThat(opNode.l2ChainId()).isEqualTo(kona.l2ChainId());
    assertThat(opNode.l1ChainId()).isEqualTo(kona.l1ChainId());
    assertThat(opNode.channelTimeout()).isEqualTo(kona.channelTimeout());
    // op-node has no granite_channel_timeout field: the protocol constant applies.
    assertThat(opNode.graniteChannelTimeout()).isEqualTo(50);
    assertThat(opNode.activationTime(Hardfork.REGOLITH)).hasValue(0L);
    assertThat(opNode.activationTime(Hardfork.JOVIAN)).hasValue(1763568001L);
    for (Hardfork h : new Hardfork[] {Hardfork.CANYON, Hardfork.DELTA, Hardfork.ECOTONE, Hardfork.FJORD,
        Hardfork.GRANITE, Hardfork.HOLOCENE, Hardfork.ISTHMUS}) {
      assertThat(opNode.activationTime(h)).as(h.name()).isEqualTo(kona.activationTime(h));
    }
    assertThat(opNode.isActive(Hardfork.REGOLITH, 0)).isTrue();
  }

  @Test
  void acceptsHexAndDecimalStringsAndFullU64ChainIds() {
    String json = OP_NODE_SEPOLIA.replace("\"l2_chain_id\": 11155420", "\"l2_chain_id\": 18446744073709551615")
        .replace("\"block_time\": 2", "\"block_time\": \"0x2\"").replace("\"channel_timeout\": 300", "\"channel_timeout\": \"300\"");
    RollupConfig c = RollupConfig.parse(json);
    assertThat(c.l2ChainId()).isEqualTo(-1L);
    assertThat(c.blockTime()).isEqualTo(2);
    assertThat(c.channelTimeout()).isEqualTo(300);
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> RollupConfig.parse("not json")).isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("rollup config is not JSON");
    assertThatThrownBy(() -> RollupConfig.parse("[1]")).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> RollupConfig.parse(OP_NODE_SEPOLIA.replace("\"l1_chain_id\"", "\"l1_chain\"")))
        .hasMessageContaining("rollup config has no field 'l1_chain_id'");
    assertThatThrownBy(() -> RollupConfig.parse(OP_NODE_SEPOLIA.replace("\"number\": 4071408", "\"number\": -1")))
        .hasMessageContaining("'genesis.l1.number' is out of the unsigned 64-bit range: -1");
    assertThatThrownBy(() -> RollupConfig.parse(OP_NODE_SEPOLIA.replace("\"l2_chain_id\": 11155420", "\"l2_chain_id\": 18446744073709551616")))
        .hasMessageContaining("'l2_chain_id' is out of the unsigned 64-bit range");
    assertThatThrownBy(() -> RollupConfig.parse(OP_NODE_SEPOLIA.replace("\"block_time\": 2", "\"block_time\": true")))
        .hasMessageContaining("'block_time' must be an unsigned 64-bit integer, got true");
    assertThatThrownBy(() -> RollupConfig.parse(OP_NODE_SEPOLIA.replace("0x102de6ffb001480cc9b8b548fd05c34cd4f46ae4aa91759393db90ea0409887d", "0x1234")))
        .hasMessageContaining("'genesis.l2.hash'");
    assertThatThrownBy(() -> ChainConfig.parse("{\"homesteadBlock\":0}".getBytes(StandardCharsets.UTF_8), "L1 chain config"))
        .hasMessageContaining("L1 chain config has no field 'chainId'");
  }

  /**
   * Found by fuzzing (ProofParsersFuzzTestInputs/chainConfig/crash-7350b327...): 0xf5 can start no UTF-8
   * sequence, yet Jackson's byte parser read this field name as characters, and the config then differed
   * from its own re-encoding. JSON must be UTF-8; the parsers now say so.
   */
  @Test
  void configsThatAreNotUtf8AreRefused() {
    byte[] chain = "{\"chainId\": 1, \"prague\u00f5\u0096\u0092\u0095\":77}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ChainConfig.parse(chain, "L1 chain config")).isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("L1 chain config is not UTF-8");
    byte[] rollup = OP_NODE_SEPOLIA.replace("\"block_time\"", "\"block_time\u00ff\"").getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> RollupConfig.parse(rollup)).isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("rollup config is not UTF-8");
  }

  /**
   * Found by the 10-minute campaign (ProofParsersFuzzTestInputs/chainConfig/crash-34a42326..., a second
   * object after the first): Jackson read the first object and dropped the rest. Go and serde refuse it.
   */
  @Test
  void textAfterTheConfigObjectIsRefused() {
    byte[] chain = "{\"chainId\": 1}{\"chainId\": 2}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ChainConfig.parse(chain, "L1 chain config")).isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("L1 chain config is not JSON").hasMessageContaining("Trailing token");
    byte[] rollup = (OP_NODE_SEPOLIA + " x").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RollupConfig.parse(rollup)).isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("rollup config is not JSON");
  }

  /**
   * Found by the campaign, three times over (rollupConfig/crash-31b6fb52..., -2b0fb9cf...; chainConfig/crash-027f95eb...,
   * -7adcafb2...): a fraction or exponent never survived a re-encoding (1e400 became Infinity and came back as a
   * string; 0e7088 and 615e0 came back as integers, which a fork time then accepted), and a 40-digit exponent
   * escaped as Jackson's NumberFormatException. These formats hold only integers, so any other number is refused,
   * naming its field, also where fpp4j does not read it.
   */
  @Test
  void numbersThatAreNotIntegersAreRefusedByField() {
    byte[] rollup = OP_NODE_SEPOLIA.replace("\"block_time\"", "\"re_time\": 170850E34800, \"block_time\"").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RollupConfig.parse(rollup)).isInstanceOf(ConfigParseException.class)
        .hasMessage("rollup config field 're_time' must be an integer, got 1.70850E+34805");
    byte[] nested = OP_NODE_SEPOLIA.replace("\"gasLimit\": 30000000", "\"gasLimit\": 3e7").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RollupConfig.parse(nested)).isInstanceOf(ConfigParseException.class)
        .hasMessage("rollup config field 'genesis.system_config.gasLimit' must be an integer, got 3E+7");
    for (String n : new String[] {"615e0", "0e7088", "1.5", "[1, 2.0]"}) {
      byte[] chain = ("{\"chainId\": 1, \"shanghaiTime\": " + n + "}").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> ChainConfig.parse(chain, "L1 chain config")).isInstanceOf(ConfigParseException.class)
          .hasMessageStartingWith("L1 chain config field 'shanghaiTime").hasMessageContaining("must be an integer");
    }
    byte[] huge = "{\"chainId\": 1, \"x\": 2e00000000000000000000768614336404564655}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ChainConfig.parse(huge, "L1 chain config")).isInstanceOf(ConfigParseException.class)
        .hasMessageStartingWith("L1 chain config has a number out of range");
  }
}
