package io.fpp4j.derive;

import static io.fpp4j.derive.L1Fixtures.abiBytes;
import static io.fpp4j.derive.L1Fixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.TxType;
import io.fpp4j.proof.boot.RollupConfig;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemConfigUpdatesTest {
  private final RollupConfig config = TestConfigs.config(0, 500, -1, -1, -1); // Ecotone at 500
  private final SystemConfig genesis = SystemConfig.genesis(config);

  private Log update(int type, Bytes data) {
    return new Log(config.l1SystemConfigAddress(), List.of(SystemConfigUpdates.CONFIG_UPDATE_TOPIC, Bytes32.ZERO, word(type)), data);
  }

  private SystemConfig apply(long l1Time, Log... logs) {
    return SystemConfigUpdates.apply(config, genesis, List.of(Receipt.of(TxType.DYNAMIC_FEE, true, 1, List.of(logs))), l1Time);
  }

  @Test
  void theGenesisConfigIsTheRollupConfigs() {
    assertThat(genesis.batcher()).isEqualTo(Address.fromHex("0x99c8e26ac6bde6bfa0e01f88d51ff4560f4fd3ee"));
    assertThat(genesis.gasLimit()).isEqualTo(30_000_000);
    assertThat(genesis.ecotoneScalars()).containsExactly(1_000_000, 0);
  }

  @Test
  void batcherAndGasLimitUpdatesApply() {
    Address batcher = Address.fromHex("0x" + "12".repeat(20));
    SystemConfig c = apply(100, update(0, abiBytes(Bytes32.leftPad(batcher.toArray()).toArray())), update(2, abiBytes(word(60_000_000).toArray())));
    assertThat(c.batcher()).isEqualTo(batcher);
    assertThat(c.gasLimit()).isEqualTo(60_000_000);
  }

  @Test
  void feeScalarsBeforeEcotoneKeepTheOverhead() {
    byte[] both = ByteBuffer.allocate(64).put(word(2100).toArray()).put(word(684_000).toArray()).array();
    SystemConfig c = apply(100, update(1, abiBytes(both)));
    assertThat(c.overhead()).isEqualTo(word(2100));
    assertThat(c.scalar()).isEqualTo(word(684_000));
  }

  @Test
  void feeScalarsFromEcotoneZeroTheOverheadAndIgnoreInvalidScalars() {
    byte[] scalar = new byte[32];
    scalar[0] = 1;
    ByteBuffer.wrap(scalar).putInt(24, 810_949).putInt(28, 1368);
    byte[] both = ByteBuffer.allocate(64).put(word(2100).toArray()).put(scalar).array();
    SystemConfig c = apply(600, update(1, abiBytes(both)));
    assertThat(c.overhead()).isEqualTo(Bytes32.ZERO);
    assertThat(c.ecotoneScalars()).containsExactly(1368, 810_949);

    byte[] invalid = scalar.clone();
    invalid[3] = 1; // version 1 with a non-zero byte in 1..23
    byte[] bad = ByteBuffer.allocate(64).put(word(2100).toArray()).put(invalid).array();
    assertThat(apply(600, update(1, abiBytes(bad)))).isEqualTo(genesis);
  }

  @Test
  void holoceneAndIsthmusParametersApply() {
    SystemConfig c = apply(600, update(4, abiBytes(word(250L << 32 | 6).toArray())),
        update(5, abiBytes(Bytes32.fromHex("0x" + "00".repeat(20) + "00000007" + "000000000000002a").toArray())));
    assertThat(c.eip1559Params()).isEqualTo(250L << 32 | 6);
    assertThat(c.operatorFeeScalar()).isEqualTo(7);
    assertThat(c.operatorFeeConstant()).isEqualTo(42);
  }

  @Test
  void jovianMinimumBaseFeeAndDaFootprintGasScalarApply() {
    // ConfigUpdate type 6 carries abi.encode(uint64), type 7 abi.encode(uint16) (jovian/system-config.md).
    SystemConfig c = apply(600, update(6, abiBytes(Bytes32.fromHex("0x" + "00".repeat(24) + "ffffffffffffff00").toArray())),
        update(7, abiBytes(word(0x0190).toArray())));
    assertThat(c.minBaseFee()).isEqualTo(0xffffffffffffff00L);
    assertThat(c.daFootprintGasScalar()).isEqualTo(400);
    assertThat(c.withMinBaseFee(0).withDaFootprintGasScalar(0)).isEqualTo(genesis);
    assertThatThrownBy(() -> apply(600, update(7, abiBytes(word(0x10000).toArray())))).hasMessageContaining("16 bits");
    assertThatThrownBy(() -> apply(600, update(6, abiBytes(Bytes32.fromHex("0x01" + "00".repeat(31)).toArray()))))
        .hasMessageContaining("64 bits");
    assertThatThrownBy(() -> apply(600, update(7, Bytes.adopt(new byte[64])))).hasMessageContaining("DA footprint gas scalar update data");
  }

  @Test
  void updateTypesNoForkDefinesChangeNothing() {
    assertThat(apply(600, update(8, abiBytes(word(1).toArray())))).isEqualTo(genesis);
  }

  @Test
  void otherContractsFailedReceiptsAndUnsafeSignerUpdatesChangeNothing() {
    Log foreign = new Log(Address.ZERO, List.of(SystemConfigUpdates.CONFIG_UPDATE_TOPIC, Bytes32.ZERO, word(2)), abiBytes(word(1).toArray()));
    assertThat(apply(100, foreign, update(3, abiBytes(word(9).toArray())))).isEqualTo(genesis);
    Log gas = update(2, abiBytes(word(1).toArray()));
    assertThat(SystemConfigUpdates.apply(config, genesis, List.of(Receipt.of(TxType.LEGACY, false, 1, List.of(gas))), 100)).isEqualTo(genesis);
  }

  @Test
  void malformedUpdatesAreErrors() {
    assertThatThrownBy(() -> apply(100, update(0, Bytes.adopt(new byte[64])))).isInstanceOf(DerivationException.class);
    byte[] notAddress = new byte[32];
    notAddress[0] = 1;
    assertThatThrownBy(() -> apply(100, update(0, abiBytes(notAddress)))).hasMessageContaining("not an address");
    assertThatThrownBy(() -> apply(100, update(2, abiBytes(notAddress)))).hasMessageContaining("64 bits");
    Log badVersion = new Log(config.l1SystemConfigAddress(), List.of(SystemConfigUpdates.CONFIG_UPDATE_TOPIC, word(1), word(0)), Bytes.EMPTY);
    assertThatThrownBy(() -> apply(100, badVersion)).hasMessageContaining("version");
  }
}
