package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanBatchTest {
  private static final long CHAIN_ID = 901;
  private static final Address TO = Address.fromHex("0x" + "42".repeat(20));

  static Bytes legacyData(long value, long gasPrice, byte[] data) {
    return Bytes.adopt(new RlpWriter().startList().writeLong(value).writeLong(gasPrice).writeBytes(data).endList().toByteArray());
  }

  static Bytes accessListData(long value, long gasPrice, byte[] data) {
    RlpWriter w = new RlpWriter().writeRaw(new byte[] {1});
    w.startList().writeLong(value).writeLong(gasPrice).writeBytes(data).startList().endList().endList();
    return Bytes.adopt(w.toByteArray());
  }

  static Bytes dynamicFeeData(long value, long tip, long cap, byte[] data) {
    RlpWriter w = new RlpWriter().writeRaw(new byte[] {2});
    w.startList().writeLong(value).writeLong(tip).writeLong(cap).writeBytes(data).startList().endList().endList();
    return Bytes.adopt(w.toByteArray());
  }

  static SpanBatch sample() {
    List<SpanBatchTx> txs = List.of(
        new SpanBatchTx(legacyData(5, 7, new byte[] {1}), TO, 1, BigInteger.valueOf(11), BigInteger.valueOf(12), 3, 21000, true),
        new SpanBatchTx(legacyData(0, 7, new byte[0]), null, 0, BigInteger.valueOf(13), BigInteger.valueOf(14), 4, 60000, false),
        new SpanBatchTx(accessListData(1, 2, new byte[] {9, 9}), TO, 1, BigInteger.valueOf(15), BigInteger.valueOf(16), 5, 30000, false),
        new SpanBatchTx(dynamicFeeData(9, 1, 100, new byte[] {4}), TO, 0, BigInteger.ONE.shiftLeft(255), BigInteger.TWO, 6, 50000, false));
    // Three blocks: the first changes origin, the second does not, the third does; the last block's origin is 30.
    return new SpanBatch(100, 30, Bytes.adopt(new byte[20]), Bytes.fromHex("0x" + "ab".repeat(20)),
        BigInteger.valueOf(0b101), List.of(2L, 0L, 2L), txs);
  }

  @Test
  void decodesWhatItEncodes() {
    byte[] enc = sample().encode();
    assertThat(enc[0]).isEqualTo((byte) Batch.SPAN_TYPE);
    SpanBatch back = (SpanBatch) Batch.decode(enc, CHAIN_ID);
    assertThat(back).isEqualTo(sample());
    assertThat(back.encode()).isEqualTo(enc);
  }

  @Test
  void blocksGetTheirTimestampsOriginsAndTransactions() {
    SpanBatch b = sample();
    assertThat(b.blockCount()).isEqualTo(3);
    assertThat(b.timestamp(0, 1000, 2)).isEqualTo(1100);
    assertThat(b.timestamp(2, 1000, 2)).isEqualTo(1104);
    assertThat(List.of(b.epochNumber(0), b.epochNumber(1), b.epochNumber(2))).containsExactly(29L, 29L, 30L);
    assertThat(b.transactions(1, CHAIN_ID)).isEmpty();

    List<Transaction> first = b.transactions(0, CHAIN_ID).stream().map(t -> Transactions.decode2718(t.toArray())).toList();
    LegacyTransaction protectedTx = (LegacyTransaction) first.get(0);
    assertThat(protectedTx.v()).isEqualTo(CHAIN_ID * 2 + 35 + 1);
    assertThat(protectedTx.nonce()).isEqualTo(3);
    assertThat(protectedTx.gasLimit()).isEqualTo(21000);
    assertThat(protectedTx.gasPrice()).isEqualTo(BigInteger.valueOf(7));
    assertThat(protectedTx.value()).isEqualTo(BigInteger.valueOf(5));
    assertThat(protectedTx.to()).isEqualTo(TO);
    LegacyTransaction creation = (LegacyTransaction) first.get(1);
    assertThat(creation.v()).isEqualTo(27);
    assertThat(creation.to()).isNull();

    List<Transaction> last = b.transactions(2, CHAIN_ID).stream().map(t -> Transactions.decode2718(t.toArray())).toList();
    AccessListTransaction t1 = (AccessListTransaction) last.get(0);
    assertThat(t1.chainId()).isEqualTo(CHAIN_ID);
    assertThat(t1.yParity()).isEqualTo(1);
    assertThat(t1.input().toArray()).containsExactly(9, 9);
    DynamicFeeTransaction t2 = (DynamicFeeTransaction) last.get(1);
    assertThat(t2.maxFeePerGas()).isEqualTo(BigInteger.valueOf(100));
    assertThat(t2.maxPriorityFeePerGas()).isEqualTo(BigInteger.ONE);
    assertThat(t2.r()).isEqualTo(BigInteger.ONE.shiftLeft(255));
    assertThat(t2.nonce()).isEqualTo(6);
  }

  private static void rejected(byte[] data, String message) {
    assertThatThrownBy(() -> Batch.decode(data, CHAIN_ID)).isInstanceOf(DerivationException.class).hasMessageContaining(message);
  }

  /** The encoding of the prefix, then {@code rest}. */
  private static byte[] withPrefix(int... rest) {
    byte[] out = new byte[1 + 1 + 1 + 40 + rest.length];
    out[0] = 1;
    out[1] = 5; // rel_timestamp
    out[2] = 9; // l1_origin_num
    for (int i = 0; i < rest.length; i++) out[43 + i] = (byte) rest[i];
    return out;
  }

  @Test
  void aZeroBlockCountIsRefused() {
    rejected(withPrefix(0), "block_count is 0");
  }

  @Test
  void aBlockCountAboveTheLimitIsRefused() {
    rejected(withPrefix(0x81, 0xad, 0xe2, 0x04), "exceeds 10000000"); // 10,000,001
  }

  @Test
  void aBitListWithBitsBeyondItsLengthIsRefused() {
    rejected(withPrefix(2, 0b100), "origin_bits has a bit set beyond");
  }

  @Test
  void aTxCountAboveTheLimitIsRefused() {
    rejected(withPrefix(1, 1, 0x81, 0xad, 0xe2, 0x04), "above 10000000");
  }

  @Test
  void anOverlongVarintIsRefused() {
    rejected(withPrefix(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), "overflows 64 bits");
  }

  @Test
  void truncationAnywhereIsRefused() {
    byte[] enc = sample().encode();
    for (int cut = 1; cut < enc.length; cut++) {
      byte[] shorter = Arrays.copyOf(enc, cut);
      assertThatThrownBy(() -> Batch.decode(shorter, CHAIN_ID)).as("cut at %d", cut).isInstanceOf(DerivationException.class);
    }
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] enc = sample().encode();
    rejected(Arrays.copyOf(enc, enc.length + 1), "trailing bytes");
  }

  @Test
  void anUnknownTransactionTypeIsRefused() {
    SpanBatch b = sample();
    byte[] enc = b.encode();
    byte[] typed = accessListData(1, 2, new byte[] {9, 9}).toArray();
    int at = indexOf(enc, typed);
    enc[at] = 3; // a blob transaction cannot be batched
    rejected(enc, "transaction type 3");
  }

  @Test
  void aTxDataWithTheWrongFieldCountIsRefused() {
    Bytes bad = Bytes.adopt(new RlpWriter().startList().writeLong(1).writeLong(2).endList().toByteArray());
    SpanBatch b = new SpanBatch(0, 1, Bytes.adopt(new byte[20]), Bytes.adopt(new byte[20]), BigInteger.ONE, List.of(1L),
        List.of(new SpanBatchTx(bad, TO, 0, BigInteger.ONE, BigInteger.ONE, 0, 21000, false)));
    rejected(b.encode(), "2 fields, expected 3");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    throw new AssertionError("not found");
  }
}
