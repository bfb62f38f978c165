package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.blob.RootsOfUnity;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.proof.testing.MapOracle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiFunction;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * One hand-built L1 block served from memory: batcher and non-batcher transactions, calldata and blobs, signed with
 * private keys 1 (the batcher) and 2.
 */
class L1RetrievalTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final Address BATCHER = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"); // key 1
  private static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000042069");
  private static final long L1_CHAIN = 900;

  private final MapOracle oracle = new MapOracle(new HashMap<>());
  private final List<String> drops = new ArrayList<>();

  /** Signs {@code unsigned(parity=0, r=1, s=1)}'s signing hash with {@code key}; returns the one parity that recovers it. */
  private static Transaction signed(long key, BiFunction<Integer, BigInteger[], Transaction> build, Address signer) {
    byte[] hash = TxSender.signingHash(build.apply(0, new BigInteger[] {BigInteger.ONE, BigInteger.ONE}), null);
    ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    s.init(true, new ECPrivateKeyParameters(BigInteger.valueOf(key), new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN())));
    BigInteger[] rs = s.generateSignature(hash);
    if (rs[1].compareTo(CURVE.getN().shiftRight(1)) > 0) rs[1] = CURVE.getN().subtract(rs[1]);
    for (int parity = 0; parity < 2; parity++) {
      Transaction tx = build.apply(parity, rs);
      if (signer == null || TxSender.of(tx).orElseThrow().equals(signer)) return tx;
    }
    throw new AssertionError("no parity recovers " + signer);
  }

  private static Transaction calldataTx(long key, long nonce, Address to, String data, Address signer) {
    return signed(key, (p, rs) -> new DynamicFeeTransaction(L1_CHAIN, nonce, BigInteger.ONE, BigInteger.TEN, 50_000, to,
        BigInteger.ZERO, Bytes.adopt(data.getBytes()), List.of(), p, rs[0], rs[1]), signer);
  }

  private Transaction blobTx(long key, long nonce, String calldata, List<byte[]> blobs, Address signer) {
    List<Bytes32> hashes = new ArrayList<>();
    for (byte[] blob : blobs) {
      byte[] commitment = new byte[48];
      commitment[0] = (byte) (0xc0 + hashes.size() + 16 * nonce); // any 48 bytes: no verifier is configured
      Bytes32 vh = BlobProvider.versionedHash(commitment);
      oracle.put(PreimageKey.sha256(vh), commitment);
      for (int i = 0; i < RootsOfUnity.FIELD_ELEMENTS_PER_BLOB; i++) {
        oracle.put(PreimageKey.blob(commitment, RootsOfUnity.z(i)), Arrays.copyOfRange(blob, 32 * i, 32 * i + 32));
      }
      hashes.add(vh);
    }
    return signed(key, (p, rs) -> new BlobTransaction(L1_CHAIN, nonce, BigInteger.ONE, BigInteger.TEN, 50_000, INBOX, BigInteger.ZERO,
        Bytes.adopt(calldata.getBytes()), List.of(), BigInteger.ONE, hashes, p, rs[0], rs[1]), signer);
  }

  /** Serves a block holding {@code txs} at time 1010 and returns its hash. */
  private Bytes32 block(List<Transaction> txs) {
    BuiltTrie trie = OrderedTrie.build(txs.stream().map(Transaction::encode2718).toList());
    trie.nodes().forEach((h, node) -> oracle.put(PreimageKey.keccak256(h), node));
    Header base = L1Fixtures.header(50, 1010, Bytes32.ZERO, 0L);
    Header h = new Header(base.parentHash(), base.ommersHash(), base.beneficiary(), base.stateRoot(), trie.root(),
        base.receiptsRoot(), base.logsBloom(), base.difficulty(), base.number(), base.gasLimit(), base.gasUsed(),
        base.timestamp(), base.extraData(), base.mixHash(), base.nonce(), base.baseFeePerGas(), base.withdrawalsRoot(),
        base.blobGasUsed(), base.excessBlobGas(), base.parentBeaconBlockRoot(), null);
    oracle.put(PreimageKey.keccak256(h.hash()), h.encode());
    return h.hash();
  }

  private List<String> data(RollupConfig config, Bytes32 hash) {
    L1ChainProvider l1 = new L1ChainProvider(oracle, hash);
    L1Retrieval r = new L1Retrieval(config, l1, new BlobProvider(oracle), drops::add);
    return r.dataOf(l1.headerByHash(hash), hash, BATCHER).stream().map(String::new).toList();
  }

  private List<Transaction> sample() {
    byte[] bad = BlobData.encode("never".getBytes());
    bad[32 * 9] = (byte) 0x40; // a field element with a high bit set: not a valid encoding
    return List.of(
        calldataTx(1, 0, INBOX, "A", BATCHER),
        calldataTx(1, 1, Address.fromHex("0x" + "12".repeat(20)), "B", BATCHER), // not to the inbox
        calldataTx(2, 0, INBOX, "C", null), // not the batcher
        blobTx(2, 1, "X", List.of(BlobData.encode("Y".getBytes())), null), // not the batcher
        blobTx(1, 2, "D", List.of(BlobData.encode("E".getBytes()), bad), BATCHER),
        calldataTx(1, 3, INBOX, "F", BATCHER));
  }

  @Test
  void fromEcotoneBlobsReplaceTheirTransactionsCalldata() {
    Bytes32 hash = block(sample());
    assertThat(data(TestConfigs.fjord(), hash)).containsExactly("A", "E", "F");
    assertThat(drops).singleElement().asString().contains("field element 9");
  }

  @Test
  void beforeEcotoneEveryBatcherTransactionGivesItsCalldata() {
    Bytes32 hash = block(sample());
    assertThat(data(TestConfigs.config(0, -1, -1, -1, -1), hash)).containsExactly("A", "D", "F");
    assertThat(drops).isEmpty();
  }

  @Test
  void aBlockWithoutBatcherTransactionsGivesNothing() {
    Bytes32 hash = block(List.of(calldataTx(2, 0, INBOX, "C", null)));
    assertThat(data(TestConfigs.fjord(), hash)).isEmpty();
  }
}
