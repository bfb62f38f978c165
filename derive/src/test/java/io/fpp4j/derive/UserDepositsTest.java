package io.fpp4j.derive;

import static io.fpp4j.derive.L1Fixtures.abiBytes;
import static io.fpp4j.derive.L1Fixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.TxType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDepositsTest {
  private static final Address CONTRACT = Address.fromHex("0x4c4585d9986020e821d78ed84000342740530960");
  private static final Address FROM = Address.fromHex("0x" + "f1".repeat(20));
  private static final Address TO = Address.fromHex("0x" + "70".repeat(20));
  private static final Bytes32 BLOCK = Bytes32.fromHex("0x" + "cc".repeat(32));

  static byte[] opaque(long mint, long value, long gas, boolean creation, byte[] data) {
    return ByteBuffer.allocate(73 + data.length).put(word(mint).toArray()).put(word(value).toArray()).putLong(gas)
        .put((byte) (creation ? 1 : 0)).put(data).array();
  }

  static Log depositLog(Bytes data) {
    return new Log(CONTRACT, List.of(UserDeposits.DEPOSIT_EVENT_TOPIC, Bytes32.leftPad(FROM.toArray()), Bytes32.leftPad(TO.toArray()),
        Bytes32.ZERO), data);
  }

  @Test
  void theEventTopicIsTransactionDeposited() {
    assertThat(UserDeposits.DEPOSIT_EVENT_TOPIC)
        .isEqualTo(Bytes32.fromHex("0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32"));
  }

  @Test
  void depositLogsBecomeDepositsWithSourceHashesByLogIndex() {
    Log other = new Log(TO, List.of(UserDeposits.DEPOSIT_EVENT_TOPIC), Bytes.EMPTY); // another contract: skipped, counted
    Log deposit = depositLog(abiBytes(opaque(5, 3, 100_000, false, new byte[] {1, 2, 3})));
    Log creation = depositLog(abiBytes(opaque(0, 0, 50_000, true, new byte[40])));
    List<Receipt> receipts = List.of(
        Receipt.of(TxType.DYNAMIC_FEE, true, 1, List.of(other, deposit)),
        Receipt.of(TxType.DYNAMIC_FEE, false, 2, List.of(deposit)), // failed: skipped, its log still counted
        Receipt.of(TxType.DYNAMIC_FEE, true, 3, List.of(creation)));
    List<DepositTransaction> deps = UserDeposits.of(CONTRACT, BLOCK, receipts);
    assertThat(deps).hasSize(2);
    DepositTransaction d = deps.get(0);
    assertThat(d.from()).isEqualTo(FROM);
    assertThat(d.to()).isEqualTo(TO);
    assertThat(d.mint()).isEqualTo(BigInteger.valueOf(5));
    assertThat(d.value()).isEqualTo(BigInteger.valueOf(3));
    assertThat(d.gasLimit()).isEqualTo(100_000);
    assertThat(d.isSystemTransaction()).isFalse();
    assertThat(d.input().toArray()).containsExactly(1, 2, 3);
    assertThat(d.sourceHash()).isEqualTo(Bytes32.wrap(Hashing.keccak256(new byte[32], Hashing.keccak256(BLOCK.toArray(), word(1).toArray()))));
    assertThat(deps.get(1).to()).isNull();
    assertThat(deps.get(1).sourceHash()).isEqualTo(SourceHash.userDeposit(BLOCK, 3));
  }

  private static void rejected(Log log, String message) {
    List<Receipt> receipts = List.of(Receipt.of(TxType.LEGACY, true, 1, List.of(log)));
    assertThatThrownBy(() -> UserDeposits.of(CONTRACT, BLOCK, receipts)).isInstanceOf(DerivationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void malformedDepositLogsAreErrors() {
    Bytes good = abiBytes(opaque(0, 0, 1, false, new byte[0]));
    rejected(new Log(CONTRACT, List.of(UserDeposits.DEPOSIT_EVENT_TOPIC), good), "topics");
    rejected(new Log(CONTRACT, List.of(UserDeposits.DEPOSIT_EVENT_TOPIC, Bytes32.leftPad(FROM.toArray()),
        Bytes32.leftPad(TO.toArray()), word(1)), good), "version");
    byte[] badOffset = good.toArray();
    badOffset[31] = 0x40;
    rejected(depositLog(Bytes.adopt(badOffset)), "offset");
    byte[] badLength = good.toArray();
    badLength[63] = (byte) 200;
    rejected(depositLog(Bytes.adopt(badLength)), "length");
    byte[] dirtyPadding = good.toArray();
    dirtyPadding[dirtyPadding.length - 1] = 1;
    rejected(depositLog(Bytes.adopt(dirtyPadding)), "padding");
    rejected(depositLog(abiBytes(new byte[72])), "below 73");
    rejected(depositLog(Bytes.adopt(new byte[65])), "ABI bytes");
  }
}
