package io.fpp4j.derive;

import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.testing.MapOracle;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A hand-built L1 chain in a test oracle, whose blocks can carry batcher calldata transactions: the batcher is the
 * address of private key 1, posting to the test configs' batch inbox.
 */
final class BatcherL1 {
  static final Address BATCHER = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"); // key 1
  static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000042069");
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final Bytes32 EMPTY_ROOT = Bytes32.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  final MapOracle oracle = new MapOracle(new HashMap<>());

  /** Serves an L1 block with these transactions (no receipts) and returns its header. */
  Header serve(long number, long time, Bytes32 parent, List<Transaction> txs) {
    BuiltTrie trie = OrderedTrie.build(txs.stream().map(Transaction::encode2718).toList());
    trie.nodes().forEach((h, node) -> oracle.put(PreimageKey.keccak256(h), node));
    oracle.put(PreimageKey.keccak256(EMPTY_ROOT), new byte[] {(byte) 0x80});
    Header b = L1Fixtures.header(number, time, parent, 0L);
    Header h = new Header(parent, b.ommersHash(), b.beneficiary(), b.stateRoot(), txs.isEmpty() ? EMPTY_ROOT : trie.root(),
        EMPTY_ROOT, b.logsBloom(), b.difficulty(), number, b.gasLimit(), 0, time, b.extraData(), b.mixHash(), 0,
        b.baseFeePerGas(), b.withdrawalsRoot(), b.blobGasUsed(), b.excessBlobGas(), b.parentBeaconBlockRoot(), null);
    oracle.put(PreimageKey.keccak256(h.hash()), h.encode());
    return h;
  }

  /** The batcher's transaction carrying one closed, zlib-compressed channel {@code channel} of these batches. */
  static Transaction channelTx(int channel, List<byte[]> batches) {
    byte[] data = ChannelReaderTest.zlib(ChannelReaderTest.rlpStrings(batches));
    return batcherTx(Frame.encodeTxData(List.of(new Frame(FrameTest.id(channel), 0, Bytes.adopt(data), true))));
  }

  static Transaction batcherTx(byte[] data) {
    DynamicFeeTransaction unsigned = tx(data, 0, BigInteger.ONE, BigInteger.ONE);
    ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    s.init(true, new ECPrivateKeyParameters(BigInteger.ONE, new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN())));
    BigInteger[] rs = s.generateSignature(TxSender.signingHash(unsigned, null));
    if (rs[1].compareTo(CURVE.getN().shiftRight(1)) > 0) rs[1] = CURVE.getN().subtract(rs[1]);
    for (int p = 0; p < 2; p++) {
      Transaction t = tx(data, p, rs[0], rs[1]);
      if (TxSender.of(t).orElseThrow().equals(BATCHER)) return t;
    }
    throw new AssertionError("unsignable");
  }

  private static DynamicFeeTransaction tx(byte[] data, int parity, BigInteger r, BigInteger s) {
    return new DynamicFeeTransaction(900, 0, BigInteger.ONE, BigInteger.TEN, 1_000_000, INBOX, BigInteger.ZERO, Bytes.adopt(data),
        List.of(), parity, r, s);
  }

  /** A legacy L2 transaction in span-batch form, told apart by its nonce. */
  static SpanBatchTx userTx(long nonce) {
    Bytes data = Bytes.adopt(new RlpWriter().startList().writeLong(1).writeLong(7).writeBytes(new byte[] {(byte) nonce}).endList().toByteArray());
    return new SpanBatchTx(data, INBOX, 0, BigInteger.valueOf(3), BigInteger.valueOf(4), nonce, 21000, true);
  }

  /** The system config the batcher posts under. */
  static SystemConfig systemConfig(RollupConfig config) {
    return new SystemConfig(BATCHER, Bytes32.ZERO, SystemConfig.genesis(config).scalar(), 30_000_000, 0, Bytes32.ZERO);
  }
}
