package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.boot.RollupConfig;
import org.junit.jupiter.api.Test;

class SystemConfigTest {
  private final RollupConfig config = TestConfigs.config(0, 0, 0, 0, 0);
  private final SystemConfig sys = new SystemConfig(SystemConfig.genesis(config).batcher(), Bytes32.ZERO,
      Bytes32.fromHex("0x01" + "00".repeat(23) + "0000000a" + "0000000b"), 60_000_000, 250L << 32 | 6,
      Bytes32.fromHex("0x" + "00".repeat(20) + "00000009" + "00000000000000ff"));
  private final Header origin = L1Fixtures.header(123, 990, Bytes32.ZERO, 0L);

  private Header l2Header(byte[] extra) {
    Header h = L1Fixtures.header(19, 1038, Bytes32.ZERO, 0L);
    return new Header(h.parentHash(), h.ommersHash(), h.beneficiary(), h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(),
        h.logsBloom(), h.difficulty(), h.number(), 60_000_000, 0, h.timestamp(), Bytes.adopt(extra), h.mixHash(), 0,
        h.baseFeePerGas(), h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(), null);
  }

  @Test
  void anL2BlockGivesBackTheConfigItWasBuiltWith() {
    byte[] calldata = L1InfoDeposit.isthmus(sys, origin, Bytes32.ZERO, 0, 1);
    byte[] extra = java.nio.ByteBuffer.allocate(9).put((byte) 0).putInt(250).putInt(6).array();
    assertThat(SystemConfig.fromL2Block(l2Header(extra), calldata, true)).isEqualTo(sys);
    SystemConfig preHolocene = SystemConfig.fromL2Block(l2Header(new byte[0]), calldata, false);
    assertThat(preHolocene.eip1559Params()).isZero();
  }

  @Test
  void aJovianBlockGivesBackItsMinimumBaseFeeAndDaFootprintGasScalar() {
    SystemConfig jovian = sys.withMinBaseFee(0x0102030405060708L).withDaFootprintGasScalar(777);
    byte[] calldata = L1InfoDeposit.jovian(jovian, origin, Bytes32.ZERO, 0, 1);
    byte[] extra = java.nio.ByteBuffer.allocate(17).put((byte) 1).putInt(250).putInt(6).putLong(0x0102030405060708L).array();
    assertThat(SystemConfig.fromL2Block(l2Header(extra), calldata, true)).isEqualTo(jovian);
    assertThatThrownBy(() -> SystemConfig.fromL2Block(l2Header(java.util.Arrays.copyOf(extra, 16)), calldata, true))
        .isInstanceOf(DerivationException.class).hasMessageContaining("extra data of 16 bytes");
  }

  @Test
  void theDaFootprintGasScalarIsAU16() {
    assertThatThrownBy(() -> sys.withDaFootprintGasScalar(65_536)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65536");
  }

  @Test
  void aHoloceneBlockWithoutItsParametersIsRefused() {
    byte[] calldata = L1InfoDeposit.isthmus(sys, origin, Bytes32.ZERO, 0, 1);
    assertThatThrownBy(() -> SystemConfig.fromL2Block(l2Header(new byte[] {1, 2}), calldata, true))
        .isInstanceOf(DerivationException.class).hasMessageContaining("extra data of 2 bytes");
  }

  @Test
  void anUnknownScalarVersionIsRefused() {
    SystemConfig bad = new SystemConfig(sys.batcher(), Bytes32.ZERO, Bytes32.fromHex("0x02" + "00".repeat(31)), 1, 0, Bytes32.ZERO);
    assertThatThrownBy(bad::ecotoneScalars).isInstanceOf(DerivationException.class).hasMessageContaining("version 2");
  }
}
