package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class L1InfoDepositTest {
  private static final Bytes32 HASH = Bytes32.fromHex("0x" + "77".repeat(32));
  private final Header origin = L1Fixtures.header(123, 990, Bytes32.ZERO, 0L);

  private static BigInteger word(byte[] d, int off) {
    return new BigInteger(1, Arrays.copyOfRange(d, off, off + 32));
  }

  @Test
  void ecotoneFormatIsPacked() {
    RollupConfig config = TestConfigs.fjord();
    SystemConfig sys = SystemConfig.genesis(config);
    DepositTransaction tx = L1InfoDeposit.build(config, sys, origin, HASH, 3, 1010, L1InfoDeposit.CANCUN_BLOB_FRACTION);
    byte[] d = tx.input().toArray();
    ByteBuffer b = ByteBuffer.wrap(d);
    assertThat(d).hasSize(164);
    assertThat(Arrays.copyOf(d, 4)).isEqualTo(L1InfoDeposit.ECOTONE_SELECTOR);
    assertThat(b.getInt(4)).isEqualTo(1_000_000); // base fee scalar
    assertThat(b.getInt(8)).isZero(); // blob base fee scalar
    assertThat(b.getLong(12)).isEqualTo(3); // sequence number
    assertThat(b.getLong(20)).isEqualTo(990);
    assertThat(b.getLong(28)).isEqualTo(123);
    assertThat(word(d, 36)).isEqualTo(7); // base fee
    assertThat(word(d, 68)).isEqualTo(1); // blob base fee at zero excess
    assertThat(Arrays.copyOfRange(d, 100, 132)).isEqualTo(HASH.toArray());
    assertThat(Arrays.copyOfRange(d, 132, 164)).isEqualTo(sys.batcherHash().toArray());
    assertThat(tx.from()).isEqualTo(L1InfoDeposit.DEPOSITOR);
    assertThat(tx.to()).isEqualTo(L1InfoDeposit.L1_BLOCK);
    assertThat(tx.gasLimit()).isEqualTo(1_000_000);
    assertThat(tx.isSystemTransaction()).isFalse();
    assertThat(tx.mint()).isZero();
    assertThat(tx.sourceHash()).isEqualTo(SourceHash.l1Info(HASH, 3));
  }

  @Test
  void bedrockFormatIsEightWords() {
    RollupConfig config = TestConfigs.preCanyon();
    SystemConfig sys = SystemConfig.genesis(config);
    byte[] d = L1InfoDeposit.build(config, sys, origin, HASH, 2, 1010, L1InfoDeposit.CANCUN_BLOB_FRACTION).input().toArray();
    assertThat(d).hasSize(260);
    assertThat(Arrays.copyOf(d, 4)).isEqualTo(L1InfoDeposit.BEDROCK_SELECTOR);
    assertThat(word(d, 4)).isEqualTo(123);
    assertThat(word(d, 36)).isEqualTo(990);
    assertThat(word(d, 68)).isEqualTo(7);
    assertThat(Arrays.copyOfRange(d, 100, 132)).isEqualTo(HASH.toArray());
    assertThat(word(d, 132)).isEqualTo(2);
    assertThat(Arrays.copyOfRange(d, 164, 196)).isEqualTo(sys.batcherHash().toArray());
    assertThat(word(d, 196)).isZero();
    assertThat(word(d, 228)).isEqualTo(1_000_000);
  }

  @Test
  void isthmusFormatAddsTheOperatorFee() {
    RollupConfig config = TestConfigs.config(0, 0, 0, 0, 0);
    SystemConfig sys = new SystemConfig(SystemConfig.genesis(config).batcher(), Bytes32.ZERO, Bytes32.ZERO, 30_000_000, 0,
        Bytes32.fromHex("0x" + "00".repeat(20) + "00000009" + "00000000000000ff"));
    byte[] d = L1InfoDeposit.build(config, sys, origin, HASH, 0, 1010, L1InfoDeposit.PRAGUE_BLOB_FRACTION).input().toArray();
    assertThat(d).hasSize(176);
    assertThat(Arrays.copyOf(d, 4)).isEqualTo(L1InfoDeposit.ISTHMUS_SELECTOR);
    assertThat(ByteBuffer.wrap(d).getInt(164)).isEqualTo(9);
    assertThat(ByteBuffer.wrap(d).getLong(168)).isEqualTo(255);
  }

  @Test
  void theActivationBlockKeepsThePreviousFormat() {
    RollupConfig config = TestConfigs.config(0, 1010, -1, -1, -1);
    SystemConfig sys = SystemConfig.genesis(config);
    assertThat(L1InfoDeposit.build(config, sys, origin, HASH, 0, 1010, 1).input().toArray()).hasSize(260);
    assertThat(L1InfoDeposit.build(config, sys, origin, HASH, 0, 1012, 1).input().toArray()).hasSize(164);
    RollupConfig isthmus = TestConfigs.config(0, 0, 0, 0, 1010);
    assertThat(L1InfoDeposit.build(isthmus, sys, origin, HASH, 0, 1010, 1).input().toArray()).hasSize(164);
    assertThat(L1InfoDeposit.build(isthmus, sys, origin, HASH, 0, 1012, 1).input().toArray()).hasSize(176);
  }

  @Test
  void jovianFormatAddsTheDaFootprintGasScalarByteForByte() {
    RollupConfig config = TestConfigs.config(0, 0, 0, 0, 0, 0);
    SystemConfig sys = new SystemConfig(SystemConfig.genesis(config).batcher(), Bytes32.ZERO,
        Bytes32.fromHex("0x01" + "00".repeat(23) + "0000000a" + "0000000b"), 30_000_000, 0,
        Bytes32.fromHex("0x" + "00".repeat(20) + "00000009" + "00000000000000ff"), 0, 0x1234);
    Header l1 = L1Fixtures.header(0x7b, 0x3de, Bytes32.ZERO, 0L);
    byte[] d = L1InfoDeposit.build(config, sys, l1, HASH, 5, 1010, L1InfoDeposit.PRAGUE_BLOB_FRACTION).input().toArray();
    // The table of jovian/l1-attributes.md, field by field (the L1 fixture's base fee is 7, its excess blob gas 0).
    String expected = "3db6be2b" + "0000000b" + "0000000a" + "0000000000000005" + "00000000000003de" + "000000000000007b"
        + "00".repeat(31) + "07" + "00".repeat(31) + "01" + "77".repeat(32)
        + "00".repeat(12) + sys.batcher().toString().substring(2).toLowerCase() + "00000009" + "00000000000000ff" + "1234";
    assertThat(io.fpp4j.primitives.Hex.encode(d)).isEqualTo(expected);
    L1InfoDeposit.Values v = L1InfoDeposit.parse(d);
    assertThat(v.daFootprintGasScalar()).isEqualTo(0x1234);
    assertThat(List.of(v.operatorFeeScalar(), v.operatorFeeConstant(), v.sequenceNumber())).containsExactly(9L, 255L, 5L);
    assertThat(v.scalar()).isEqualTo(sys.scalar());
  }

  @Test
  void jovianWritesTheDefaultScalarWhileTheConfigHasNone() {
    RollupConfig config = TestConfigs.config(0, 0, 0, 0, 0, 0);
    byte[] d = L1InfoDeposit.build(config, SystemConfig.genesis(config), origin, HASH, 0, 1010, 1).input().toArray();
    assertThat(d).hasSize(178);
    assertThat(ByteBuffer.wrap(d).getShort(176)).isEqualTo((short) 400);
  }

  @Test
  void joviansActivationBlockStillUsesIsthmussFormat() {
    RollupConfig config = TestConfigs.config(0, 0, 0, 0, 0, 1010);
    SystemConfig sys = SystemConfig.genesis(config);
    assertThat(Arrays.copyOf(L1InfoDeposit.build(config, sys, origin, HASH, 0, 1010, 1).input().toArray(), 4))
        .isEqualTo(L1InfoDeposit.ISTHMUS_SELECTOR);
    assertThat(Arrays.copyOf(L1InfoDeposit.build(config, sys, origin, HASH, 0, 1012, 1).input().toArray(), 4))
        .isEqualTo(L1InfoDeposit.JOVIAN_SELECTOR);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> L1InfoDeposit.parse(Arrays.copyOf(L1InfoDeposit.JOVIAN_SELECTOR, 176)))
        .isInstanceOf(DerivationException.class).hasMessageContaining("expected 178");
  }

  @Test
  void theJovianSelectorIsTheSpecsFunctionsKeccak() {
    assertThat(Arrays.copyOf(io.fpp4j.primitives.Hashing.keccak256("setL1BlockValuesJovian()".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4))
        .isEqualTo(L1InfoDeposit.JOVIAN_SELECTOR);
  }

  @Test
  void blobBaseFeeFollowsEip4844() {
    assertThat(L1InfoDeposit.fakeExponential(BigInteger.ONE, BigInteger.TWO, BigInteger.ONE)).isEqualTo(6);
    // EIP-4844's pseudo-code traced by hand: accumulators 2, 4, 4, 2, 1 sum to 13.
    assertThat(L1InfoDeposit.fakeExponential(BigInteger.TWO, BigInteger.TWO, BigInteger.ONE)).isEqualTo(13);
    assertThat(L1InfoDeposit.fakeExponential(BigInteger.ONE, BigInteger.valueOf(4), BigInteger.TWO)).isEqualTo(6);
    assertThat(L1InfoDeposit.blobBaseFee(L1Fixtures.header(1, 1, Bytes32.ZERO, null), 3_338_477)).isEqualTo(1);
    assertThat(L1InfoDeposit.blobBaseFee(L1Fixtures.header(1, 1, Bytes32.ZERO, 10L * 3_338_477), 3_338_477))
        .isGreaterThan(BigInteger.valueOf(20_000)); // e^10 ≈ 22,026
  }

  @Test
  void parseReadsBackEachFormat() {
    RollupConfig config = TestConfigs.config(0, 0, 0, 0, 0);
    SystemConfig sys = new SystemConfig(SystemConfig.genesis(config).batcher(), Bytes32.ZERO,
        Bytes32.fromHex("0x01" + "00".repeat(23) + "0000000a" + "0000000b"), 30_000_000, 0,
        Bytes32.fromHex("0x" + "00".repeat(20) + "00000009" + "00000000000000ff"));
    for (byte[] d : List.of(L1InfoDeposit.isthmus(sys, origin, HASH, 4, 1), L1InfoDeposit.ecotone(sys, origin, HASH, 4, 1))) {
      L1InfoDeposit.Values v = L1InfoDeposit.parse(d);
      assertThat(v.number()).isEqualTo(123);
      assertThat(v.timestamp()).isEqualTo(990);
      assertThat(v.hash()).isEqualTo(HASH);
      assertThat(v.sequenceNumber()).isEqualTo(4);
      assertThat(v.batcherHash()).isEqualTo(sys.batcherHash());
      assertThat(v.scalar()).isEqualTo(sys.scalar());
    }
    assertThat(L1InfoDeposit.parse(L1InfoDeposit.isthmus(sys, origin, HASH, 4, 1)).operatorFeeConstant()).isEqualTo(255);
    SystemConfig bedrock = SystemConfig.genesis(config);
    L1InfoDeposit.Values v = L1InfoDeposit.parse(L1InfoDeposit.bedrock(bedrock, origin, HASH, 2));
    assertThat(List.of(v.number(), v.timestamp(), v.sequenceNumber())).containsExactly(123L, 990L, 2L);
    assertThat(v.scalar()).isEqualTo(bedrock.scalar());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> L1InfoDeposit.parse(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(DerivationException.class).hasMessageContaining("selector");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> L1InfoDeposit.parse(Arrays.copyOf(L1InfoDeposit.ECOTONE_SELECTOR, 100)))
        .isInstanceOf(DerivationException.class).hasMessageContaining("expected 164");
  }
}
