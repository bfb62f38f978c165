package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A span batch (Delta's span-batches spec), several consecutive L2 blocks in one batch:
 *
 * <pre>
 * 0x01 ‖ rel_timestamp ‖ l1_origin_num ‖ parent_check (20) ‖ l1_origin_check (20)
 *      ‖ block_count ‖ origin_bits ‖ block_tx_counts
 *      ‖ contract_creation_bits ‖ y_parity_bits ‖ tx_sigs ‖ tx_tos ‖ tx_datas ‖ tx_nonces ‖ tx_gases ‖ protected_bits
 * </pre>
 *
 * Numbers are unsigned varints; bit lists are big-endian numbers of ceil(n/8) bytes; {@code l1_origin_num} is the last
 * block's L1 origin and {@code origin_bits} says which blocks change origin; the checks are the first 20 bytes of the
 * parent's hash and of the last block's L1 origin hash.
 *
 * @param relTimestamp the first block's timestamp minus the L2 genesis time
 * @param blockTxCounts the number of transactions of each block
 * @param txs every block's transactions, in order
 */
public record SpanBatch(long relTimestamp, long l1OriginNumber, Bytes parentCheck, Bytes l1OriginCheck,
                        BigInteger originBits, List<Long> blockTxCounts, List<SpanBatchTx> txs) implements Batch {
  /** The most blocks, and the most transactions, one span batch may carry. */
  public static final long MAX_ELEMENT_COUNT = 10_000_000L;

  public SpanBatch {
    Objects.requireNonNull(parentCheck, "parentCheck");
    Objects.requireNonNull(l1OriginCheck, "l1OriginCheck");
    Objects.requireNonNull(originBits, "originBits");
    if (parentCheck.length() != 20 || l1OriginCheck.length() != 20) throw new IllegalArgumentException("checks are 20 bytes");
    blockTxCounts = List.copyOf(blockTxCounts);
    txs = List.copyOf(txs);
    if (blockTxCounts.isEmpty()) throw new IllegalArgumentException("a span batch has at least one block");
    long total = 0;
    for (long c : blockTxCounts) total += c;
    if (total != txs.size()) throw new IllegalArgumentException("block tx counts sum to " + total + " but " + txs.size() + " txs given");
  }

  public int blockCount() {
    return blockTxCounts.size();
  }

  /** Whether block {@code i} has a different L1 origin than the block before it. */
  public boolean originChanged(int i) {
    return originBits.testBit(i);
  }

  /** Block {@code i}'s L1 origin number, counted back from the last block's. */
  public long epochNumber(int i) {
    long n = l1OriginNumber;
    for (int j = blockCount() - 1; j > i; j--) if (originChanged(j)) n--;
    return n;
  }

  public long timestamp(int i, long genesisTime, long blockTime) {
    return genesisTime + relTimestamp + (long) i * blockTime;
  }

  /** Block {@code i}'s transactions as EIP-2718 encodings, signed for {@code chainId}. */
  public List<Bytes> transactions(int i, long chainId) {
    int start = 0;
    for (int j = 0; j < i; j++) start += blockTxCounts.get(j).intValue();
    List<Bytes> out = new ArrayList<>();
    for (int k = 0; k < blockTxCounts.get(i); k++) out.add(Bytes.adopt(txs.get(start + k).encode2718(chainId)));
    return out;
  }

  /** @throws DerivationException naming the first field that is malformed or over a limit */
  public static SpanBatch decode(byte[] data, long chainId) {
    if (data.length == 0 || data[0] != SPAN_TYPE) throw new DerivationException("not a span batch (type byte must be 1)");
    SpanBatchReader r = new SpanBatchReader(data, 1);
    long relTimestamp = r.uvarint("rel_timestamp");
    long l1OriginNum = r.uvarint("l1_origin_num");
    Bytes parentCheck = Bytes.adopt(r.fixed(20, "parent_check"));
    Bytes originCheck = Bytes.adopt(r.fixed(20, "l1_origin_check"));
    long blockCount = r.uvarint("block_count");
    if (blockCount == 0) throw r.fail("block_count is 0");
    if (Long.compareUnsigned(blockCount, MAX_ELEMENT_COUNT) > 0) {
      throw r.fail("block_count " + Long.toUnsignedString(blockCount) + " exceeds " + MAX_ELEMENT_COUNT);
    }
    BigInteger originBits = r.bits(blockCount, "origin_bits");
    List<Long> counts = new ArrayList<>();
    long total = 0;
    for (long i = 0; i < blockCount; i++) {
      long c = r.uvarint("block_tx_counts[" + i + "]");
      if (Long.compareUnsigned(c, MAX_ELEMENT_COUNT) > 0) throw r.fail("block " + i + " has " + Long.toUnsignedString(c) + " txs, above " + MAX_ELEMENT_COUNT);
      total += c;
      if (total > MAX_ELEMENT_COUNT) throw r.fail("the batch's tx count exceeds " + MAX_ELEMENT_COUNT);
      counts.add(c);
    }
    int n = (int) total;
    BigInteger creations = r.bits(n, "contract_creation_bits");
    BigInteger parities = r.bits(n, "y_parity_bits");
    BigInteger[][] sigs = new BigInteger[n][];
    for (int i = 0; i < n; i++) {
      sigs[i] = new BigInteger[] {new BigInteger(1, r.fixed(32, "tx_sigs[" + i + "].r")), new BigInteger(1, r.fixed(32, "tx_sigs[" + i + "].s"))};
    }
    Address[] tos = new Address[n];
    for (int i = 0; i < n; i++) if (!creations.testBit(i)) tos[i] = Address.wrap(r.fixed(20, "tx_tos[" + i + "]"));
    byte[][] datas = new byte[n][];
    int legacy = 0;
    for (int i = 0; i < n; i++) {
      datas[i] = r.txData("tx_datas[" + i + "]");
      if ((datas[i][0] & 0xff) >= 0xc0) legacy++;
    }
    long[] nonces = new long[n];
    for (int i = 0; i < n; i++) nonces[i] = r.uvarint("tx_nonces[" + i + "]");
    long[] gases = new long[n];
    for (int i = 0; i < n; i++) gases[i] = r.uvarint("tx_gases[" + i + "]");
    BigInteger protectedBits = r.bits(legacy, "protected_bits");
    if (!r.atEnd()) throw r.fail("trailing bytes after the span batch");
    List<SpanBatchTx> txs = new ArrayList<>(n);
    for (int i = 0, li = 0; i < n; i++) {
      boolean isLegacy = (datas[i][0] & 0xff) >= 0xc0;
      boolean prot = isLegacy && protectedBits.testBit(li++);
      txs.add(new SpanBatchTx(Bytes.adopt(datas[i]), creations.testBit(i) ? null : tos[i], parities.testBit(i) ? 1 : 0,
          sigs[i][0], sigs[i][1], nonces[i], gases[i], prot));
    }
    try {
      for (SpanBatchTx tx : txs) tx.encode2718(chainId); // every tx_data must parse for its type
    } catch (IllegalArgumentException e) { // RlpException too
      throw new DerivationException("span batch transaction does not decode: " + e.getMessage(), e);
    }
    return new SpanBatch(relTimestamp, l1OriginNum, parentCheck, originCheck, originBits, counts, txs);
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(SPAN_TYPE);
    uvarint(out, relTimestamp);
    uvarint(out, l1OriginNumber);
    out.writeBytes(parentCheck.toArray());
    out.writeBytes(l1OriginCheck.toArray());
    uvarint(out, blockCount());
    bits(out, originBits, blockCount());
    for (long c : blockTxCounts) uvarint(out, c);
    BigInteger creations = BigInteger.ZERO;
    BigInteger parities = BigInteger.ZERO;
    BigInteger protectedBits = BigInteger.ZERO;
    int legacy = 0;
    for (int i = 0; i < txs.size(); i++) {
      SpanBatchTx tx = txs.get(i);
      if (tx.to() == null) creations = creations.setBit(i);
      if (tx.yParity() == 1) parities = parities.setBit(i);
      if (tx.type() == 0 && tx.isProtected()) protectedBits = protectedBits.setBit(legacy);
      if (tx.type() == 0) legacy++;
    }
    bits(out, creations, txs.size());
    bits(out, parities, txs.size());
    for (SpanBatchTx tx : txs) {
      out.writeBytes(fixed32(tx.r()));
      out.writeBytes(fixed32(tx.s()));
    }
    for (SpanBatchTx tx : txs) if (tx.to() != null) out.writeBytes(tx.to().toArray());
    for (SpanBatchTx tx : txs) out.writeBytes(tx.txData().toArray());
    for (SpanBatchTx tx : txs) uvarint(out, tx.nonce());
    for (SpanBatchTx tx : txs) uvarint(out, tx.gas());
    bits(out, protectedBits, legacy);
    return out.toByteArray();
  }

  private static void uvarint(ByteArrayOutputStream out, long v) {
    while (Long.compareUnsigned(v, 0x80) >= 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void bits(ByteArrayOutputStream out, BigInteger v, long n) {
    int bytes = (int) ((n + 7) / 8);
    byte[] raw = v.toByteArray();
    byte[] padded = new byte[bytes];
    int len = Math.min(raw.length, bytes);
    System.arraycopy(raw, raw.length - len, padded, bytes - len, len);
    out.writeBytes(padded);
  }

  private static byte[] fixed32(BigInteger v) {
    return io.fpp4j.primitives.Bytes32.fromBigInteger(v).toArray();
  }

  /** Reads the RLP list of a span tx_data, after its type byte. */
  static RlpReader txDataFields(Bytes txData) {
    byte[] d = txData.toArray();
    int off = (d[0] & 0xff) >= 0xc0 ? 0 : 1;
    return RlpReader.of(d, off, d.length - off).readList("tx_data");
  }

  /** Writes {@code v} as an RLP list of raw items (helper for the tx rebuild). */
  static void writeRaw(RlpWriter w, List<byte[]> items) {
    for (byte[] item : items) w.writeRaw(item);
  }
}
