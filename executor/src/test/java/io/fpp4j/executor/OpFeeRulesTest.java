package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The OP fee rules with values computed by hand. */
class OpFeeRulesTest {
  private static final OpForkRules BEDROCK = new OpForkRules(false, false, false, false, false, false, false, false);
  private static final OpForkRules REGOLITH = new OpForkRules(true, false, false, false, false, false, false, false);
  private static final OpForkRules ECOTONE = new OpForkRules(true, true, true, false, false, false, false, false);
  private static final OpForkRules FJORD = new OpForkRules(true, true, true, true, false, false, false, false);
  private static final OpForkRules ISTHMUS = new OpForkRules(true, true, true, true, true, true, true, false);
  private static final OpForkRules JOVIAN = new OpForkRules(true, true, true, true, true, true, true, true);

  /** Two zero and two non-zero bytes: 2*4 + 2*16 = 40 data gas. */
  private static final byte[] TX = {0, 1, 2, 0};

  private static L1BlockInfo info(long baseFeeScalar, long blobBaseFeeScalar) {
    return new L1BlockInfo(BigInteger.valueOf(1000), BigInteger.valueOf(188), BigInteger.valueOf(684_000),
        BigInteger.TWO, baseFeeScalar, blobBaseFeeScalar, 2_000_000, 500);
  }

  @Test
  void bedrockAddsTheSignatureBytesBeforeRegolith() {
    // (40 + 68*16 + 188) * 1000 * 684000 / 1e6 = 1316 * 684
    assertThat(L1Fee.fee(TX, info(0, 0), BEDROCK)).isEqualTo(BigInteger.valueOf(900_144));
    // (40 + 188) * 1000 * 684000 / 1e6 = 228 * 684
    assertThat(L1Fee.fee(TX, info(0, 0), REGOLITH)).isEqualTo(BigInteger.valueOf(155_952));
  }

  @Test
  void ecotoneUsesBothScalars() {
    // 16*1368*1000 + 810949*2 = 23,509,898; 40 * 23,509,898 / 16e6 = 58.77
    assertThat(L1Fee.fee(TX, info(1368, 810_949), ECOTONE)).isEqualTo(BigInteger.valueOf(58));
  }

  @Test
  void ecotoneActivationBlockWithoutScalarsFallsBackToBedrock() {
    assertThat(L1Fee.fee(TX, info(0, 0), ECOTONE)).isEqualTo(BigInteger.valueOf(155_952));
  }

  @Test
  void fjordFloorsTheEstimatedSizeAtOneHundredBytes() {
    // fastlz(4 bytes) = 5 (one literal run); 836500*5 - 42585600 < 100e6, so 100e6 * 23,509,898 / 1e12 = 2350.98
    assertThat(L1Fee.fee(TX, info(1368, 810_949), FJORD)).isEqualTo(BigInteger.valueOf(2350));
  }

  @Test
  void fjordAboveTheFloor() {
    byte[] distinct = new byte[200];
    for (int i = 0; i < distinct.length; i++) distinct[i] = (byte) (i * 7 + 3);
    // No 3-byte sequence repeats: 6 runs of 32 literals (33 bytes each) and one of 8 (9 bytes) = 207.
    assertThat(FastLz.compressedLength(distinct)).isEqualTo(207);
    // 836500 * 207 - 42585600 = 130,569,900; * 23,509,898 / 1e12 = 3069.685...
    assertThat(L1Fee.fee(distinct, info(1368, 810_949), FJORD)).isEqualTo(BigInteger.valueOf(3069));
  }

  @Test
  void fastLzLengths() {
    assertThat(FastLz.compressedLength(new byte[0])).isZero();
    assertThat(FastLz.compressedLength(new byte[12])).isEqualTo(13); // too short to search: 12 literals + 1
    // 100 zeros: 2 literals (3 bytes), a match of 91 (3 bytes), 5 trailing literals (6 bytes)
    assertThat(FastLz.compressedLength(new byte[100])).isEqualTo(12);
  }

  @Test
  void operatorFeeFromIsthmusAndJoviansScale() {
    // 100000 * 2e6 / 1e6 + 500
    assertThat(OperatorFee.charge(100_000, info(0, 0), ISTHMUS)).isEqualTo(BigInteger.valueOf(200_500));
    // 100000 * 2e6 * 100 + 500
    assertThat(OperatorFee.charge(100_000, info(0, 0), JOVIAN)).isEqualTo(new BigInteger("20000000000500"));
    assertThat(OperatorFee.charge(100_000, info(0, 0), FJORD)).isEqualTo(BigInteger.ZERO);
  }

  @Test
  void holoceneAndJovianExtraData() {
    BaseFeeParams p = new BaseFeeParams(250, 6);
    assertThat(p.encodeExtraData(null)).isEqualTo(Bytes.fromHex("0x00000000fa00000006"));
    assertThat(p.encodeExtraData(1L)).isEqualTo(Bytes.fromHex("0x01000000fa000000060000000000000001"));
    assertThat(BaseFeeParams.decodeExtraData(Bytes.fromHex("0x00000000fa00000006"))).isEqualTo(p);
    assertThat(BaseFeeParams.minBaseFee(Bytes.fromHex("0x01000000fa000000060000000000000101"))).isEqualTo(257);
    assertThatThrownBy(() -> BaseFeeParams.decodeExtraData(Bytes.fromHex("0x00000000fa000000")))
        .isInstanceOf(BlockExecutionException.class).hasMessageContaining("0x00000000fa000000");
  }

  @Test
  void eip1559WithOpParameters() {
    BaseFeeParams p = new BaseFeeParams(250, 6); // target = 60M / 6 = 10M
    assertThat(p.nextBaseFee(60_000_000, 10_000_000, 1000)).isEqualTo(1000);
    assertThat(p.nextBaseFee(60_000_000, 20_000_000, 1000)).isEqualTo(1004); // 1000 * 10M / 10M / 250
    assertThat(p.nextBaseFee(60_000_000, 0, 1000)).isEqualTo(996);
    assertThat(p.nextBaseFee(60_000_000, 20_000_000, 100)).isEqualTo(101); // the increase is at least 1
  }
}
