package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.proof.testing.MapOracle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * A span batch through the whole pipeline: L1 block 102 carries, in one batcher calldata transaction, a zlib channel
 * holding a span batch of L2 blocks 1 to 3, which move from L1 origin 100 to 101.
 */
class SpanBatchPipelineTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final Address BATCHER = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"); // key 1
  private static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000042069");
  private static final Bytes32 EMPTY_ROOT = Bytes32.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  private static final Bytes32 L2_PARENT = Bytes32.fromHex("0x" + "44".repeat(32));

  private final RollupConfig config = TestConfigs.fjord();
  private final MapOracle oracle = new MapOracle(new HashMap<>());
  private final List<String> log = new ArrayList<>();

  private Header serve(long number, long time, Bytes32 parent, List<Transaction> txs) {
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

  private static Transaction batcherTx(byte[] data) {
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

  private static SpanBatchTx userTx(long nonce) {
    Bytes data = Bytes.adopt(new RlpWriter().startList().writeLong(1).writeLong(7).writeBytes(new byte[] {(byte) nonce}).endList().toByteArray());
    return new SpanBatchTx(data, INBOX, 0, BigInteger.valueOf(3), BigInteger.valueOf(4), nonce, 21000, true);
  }

  @Test
  void derivesASpanCarriedAfterItsOrigin() {
    Header b100 = serve(100, 990, Bytes32.ZERO, List.of());
    Header b101 = serve(101, 1002, b100.hash(), List.of());
    SpanBatch span = new SpanBatch(2, 101, Bytes.of(L2_PARENT.toArray(), 0, 20), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b010), List.of(1L, 0L, 2L), List.of(userTx(0), userTx(1), userTx(2)));
    byte[] channel = ChannelReaderTest.zlib(ChannelReaderTest.rlpStrings(List.of(span.encode())));
    byte[] txData = Frame.encodeTxData(List.of(new Frame(FrameTest.id(7), 0, Bytes.adopt(channel), true)));
    Header b102 = serve(102, 1008, b101.hash(), List.of(batcherTx(txData)));
    DerivationPipeline p = new DerivationPipeline(config, new L1ChainProvider(oracle, b102.hash()), new BlobProvider(oracle),
        L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    p.reset(new L2BlockRef(L2_PARENT, 0, 1000, 100, b100.hash(), 0),
        new SystemConfig(BATCHER, Bytes32.ZERO, SystemConfig.genesis(config).scalar(), 30_000_000, 0, Bytes32.ZERO));
    List<Long> origins = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<Integer> txCounts = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      DerivationPipeline.Derived d = p.next().orElseThrow(() -> new AssertionError("no block: " + log));
      assertThat(d.number()).isEqualTo(n);
      assertThat(d.attributes().timestamp()).isEqualTo(1000 + 2L * n);
      origins.add(d.l1OriginNumber());
      seqs.add(d.sequenceNumber());
      txCounts.add(d.attributes().transactions().size());
      p.advance(Bytes32.fromHex("0x" + String.format("%02x", 0x50 + n).repeat(32)));
    }
    assertThat(origins).containsExactly(100L, 101L, 101L);
    assertThat(seqs).containsExactly(1L, 0L, 1L);
    assertThat(txCounts).containsExactly(2, 1, 3); // the L1-info deposit plus each block's transactions
    assertThat(p.next()).isEmpty(); // nothing more in L1, and the window is open
    assertThat(log).isEmpty();
  }

  @Test
  void aSpanWhoseParentCheckMissesTheSafeHeadIsDropped() {
    Header b100 = serve(100, 990, Bytes32.ZERO, List.of());
    Header b101 = serve(101, 1002, b100.hash(), List.of());
    SpanBatch span = new SpanBatch(2, 101, Bytes.adopt(new byte[20]), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b010), List.of(1L, 0L, 2L), List.of(userTx(0), userTx(1), userTx(2)));
    byte[] channel = ChannelReaderTest.zlib(ChannelReaderTest.rlpStrings(List.of(span.encode())));
    Header b102 = serve(102, 1008, b101.hash(),
        List.of(batcherTx(Frame.encodeTxData(List.of(new Frame(FrameTest.id(7), 0, Bytes.adopt(channel), true))))));
    DerivationPipeline p = new DerivationPipeline(config, new L1ChainProvider(oracle, b102.hash()), new BlobProvider(oracle),
        L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    p.reset(new L2BlockRef(L2_PARENT, 0, 1000, 100, b100.hash(), 0),
        new SystemConfig(BATCHER, Bytes32.ZERO, SystemConfig.genesis(config).scalar(), 30_000_000, 0, Bytes32.ZERO));
    Optional<DerivationPipeline.Derived> d = p.next();
    assertThat(d).isEmpty();
    assertThat(log).anyMatch(m -> m.contains("parent check"));
  }

  /**
   * With no batch at all, the safe head's epoch (100) is past its sequencing window (20 blocks) once L1 block 120,
   * its last, has been read whole: op-node's batch queue and Kona's then make an empty batch, before reading block
   * 121. With the L1 head at 119 the window is still open and nothing is derived.
   */
  @Test
  void anEmptyBatchIsMadeOnceTheWindowsLastL1BlockIsRead() {
    List<Header> chain = new ArrayList<>();
    Bytes32 parent = Bytes32.ZERO;
    for (int n = 100; n <= 120; n++) {
      Header h = serve(n, 990 + 12L * (n - 100), parent, List.of());
      chain.add(h);
      parent = h.hash();
    }
    SystemConfig sys = new SystemConfig(BATCHER, Bytes32.ZERO, SystemConfig.genesis(config).scalar(), 30_000_000, 0, Bytes32.ZERO);
    L2BlockRef safe = new L2BlockRef(L2_PARENT, 0, 1000, 100, chain.get(0).hash(), 0);

    DerivationPipeline open = new DerivationPipeline(config, new L1ChainProvider(oracle, chain.get(19).hash()), new BlobProvider(oracle),
        L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    open.reset(safe, sys);
    assertThat(open.next()).isEmpty();
    assertThat(open.l1Progress()).isEqualTo(120);

    DerivationPipeline expired = new DerivationPipeline(config, new L1ChainProvider(oracle, chain.get(20).hash()), new BlobProvider(oracle),
        L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    expired.reset(safe, sys);
    DerivationPipeline.Derived d = expired.next().orElseThrow(() -> new AssertionError("no empty batch: " + log));
    assertThat(d.fromEmptyBatch()).isTrue();
    assertThat(d.number()).isEqualTo(1);
    assertThat(d.attributes().timestamp()).isEqualTo(1002);
    assertThat(d.l1OriginNumber()).isEqualTo(101); // block 101's time (1002) is reached, so the epoch advances
    assertThat(d.attributes().transactions()).hasSize(1); // the L1-info deposit alone
    assertThat(expired.l1Progress()).isEqualTo(121);
  }
}
