package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.TrieWorldState;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * Jovian's execution changes with values computed by hand (jovian/exec-engine.md): the DA footprint of user
 * transactions, its block limit and header field, and the base fee metered on {@code max(gasUsed, blobGasUsed)}.
 */
class JovianBlockTest {
  private static final String FORKS = "\"regolith_time\": 0, \"canyon_time\": 0, \"delta_time\": 0, \"ecotone_time\": 0, "
      + "\"fjord_time\": 0, \"granite_time\": 0, \"holocene_time\": 0, \"isthmus_time\": 0";
  private static final RollupConfig JOVIAN = config(FORKS + ", \"jovian_time\": 0");
  private static final RollupConfig ISTHMUS = config(FORKS);
  private static final Address KEY_ONE = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  private final Map<Bytes32, byte[]> preimages = new HashMap<>();

  private static RollupConfig config(String forks) {
    return RollupConfig.parse("""
        {"genesis": {"l1": {"hash": "0x%s", "number": 1}, "l2": {"hash": "0x%s", "number": 0}, "l2_time": 0},
         "block_time": 2, "seq_window_size": 3600, "channel_timeout": 300, "l1_chain_id": 1, "l2_chain_id": 901, %s,
         "chain_op_config": {"eip1559Elasticity": 6, "eip1559Denominator": 50, "eip1559DenominatorCanyon": 250}}
        """.formatted("11".repeat(32), "22".repeat(32), forks));
  }

  /** A parent at time 1000 with a base fee of 1000 and the given gas use and extra data. */
  private static Header parent(Bytes32 stateRoot, long gasUsed, long blobGasUsed, String extraData) {
    return new Header(Bytes32.ZERO, Hashes.EMPTY_OMMERS_HASH, Address.ZERO, stateRoot, Hashes.EMPTY_TRIE_ROOT,
        Hashes.EMPTY_TRIE_ROOT, Bloom.EMPTY, BigInteger.ZERO, 100, 30_000_000, gasUsed, 1000, Bytes.fromHex(extraData),
        Bytes32.ZERO, 0, 1000L, Hashes.EMPTY_TRIE_ROOT, blobGasUsed, 0L, Bytes32.ZERO, BlockExecutor.EMPTY_REQUESTS_HASH);
  }

  /** Jovian's extraData: version 1, denominator 250, elasticity 6, then the minimum base fee. */
  private static String jovianExtra(long minBaseFee) {
    return "0x01000000fa00000006" + String.format("%016x", minBaseFee);
  }

  /** A state whose only account is the L1Block predeploy holding {@code scalar} in slot 8, bytes 18..20. */
  private Bytes32 stateWithDaFootprintGasScalar(int scalar) {
    TrieWorldState s = new TrieWorldState(Hashes.EMPTY_TRIE_ROOT, 0, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP);
    s.beginTransaction();
    s.createAccount(L1BlockInfo.L1_BLOCK);
    s.setNonce(L1BlockInfo.L1_BLOCK, 1);
    s.setStorage(L1BlockInfo.L1_BLOCK, UInt256.ofUnsigned(8), UInt256.fromBigInteger(BigInteger.valueOf(scalar).shiftLeft(96)));
    s.endTransaction(false);
    Bytes32 root = s.stateRoot();
    s.forEachTrieNode(preimages::put);
    return root;
  }

  /** A pre-EIP-155 transfer of 1 wei to Bob signed with private key 1, gas price 10,000, nonce 1 (after the deposit's). */
  private static byte[] signedTransfer() {
    byte[] unsigned = new RlpWriter().startList().writeLong(1).writeBigInteger(BigInteger.valueOf(10_000)).writeLong(21_000)
        .writeAddress(BOB).writeBigInteger(BigInteger.ONE).writeBytes(new byte[0]).endList().toByteArray();
    byte[] hash = Hashing.keccak256(unsigned);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(BigInteger.ONE,
        new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH())));
    BigInteger[] rs = signer.generateSignature(hash);
    if (rs[1].compareTo(CURVE.getN().shiftRight(1)) > 0) rs[1] = CURVE.getN().subtract(rs[1]);
    int parity = KEY_ONE.equals(Ecrecover.signer(hash, 0, rs[0], rs[1])) ? 0 : 1;
    return new LegacyTransaction(1, BigInteger.valueOf(10_000), 21_000, BOB, BigInteger.ONE, Bytes.EMPTY, 27 + parity,
        rs[0], rs[1]).encode2718();
  }

  /** A block of gas limit 50,000: a deposit minting 1 ETH to key 1's account (21,000 gas), then its transfer. */
  private ExecutionResult run(int scalar, byte[] transfer) {
    Bytes32 root = stateWithDaFootprintGasScalar(scalar);
    byte[] deposit = new DepositTransaction(Bytes32.leftPad(new byte[] {1}), KEY_ONE, BOB, BigInteger.TEN.pow(18),
        BigInteger.ZERO, 21_000, false, Bytes.EMPTY).encode2718();
    PayloadAttributes attrs = new PayloadAttributes(1002, Bytes32.ZERO, Address.ZERO,
        List.of(Bytes.of(deposit), Bytes.of(transfer)), true, 50_000, true, Bytes32.ZERO, Bytes.fromHex("0x000000fa00000006"), 0L);
    return new BlockExecutor(JOVIAN, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP)
        .execute(parent(root, 5_000_000, 0, jovianExtra(0)), attrs);
  }

  @Test
  void aUserTransactionsFootprintIsItsFjordSizeTimesTheScalar() {
    // 4 bytes: fastlz 5, under the 100-byte floor: 100 * 400.
    assertThat(DaFootprint.of(new byte[] {0, 1, 2, 0}, 400)).isEqualTo(40_000);
    // 200 bytes with no repeated 3-byte sequence: fastlz 207; (836,500 * 207 - 42,585,600) // 1e6 = 130; * 400.
    byte[] distinct = new byte[200];
    for (int i = 0; i < distinct.length; i++) distinct[i] = (byte) (i * 7 + 3);
    assertThat(DaFootprint.of(distinct, 400)).isEqualTo(52_000);
    assertThat(DaFootprint.of(distinct, 0)).isZero();
    assertThat(DaFootprint.meteredGas(5_000_000, 10_000_000L)).isEqualTo(10_000_000);
    assertThat(DaFootprint.meteredGas(5_000_000, null)).isEqualTo(5_000_000);
  }

  @Test
  void theHeadersBlobGasUsedIsTheBlocksDaFootprintAndDepositsHaveNone() {
    byte[] transfer = signedTransfer();
    assertThat(FastLz.compressedLength(transfer)).isLessThan(170); // under the floor: 836,500 * 170 < 100e6 + 42,585,600
    ExecutionResult r = run(400, transfer);
    assertThat(r.header().blobGasUsed()).isEqualTo(40_000L);
    assertThat(r.header().gasUsed()).isEqualTo(42_000);
    assertThat(r.receipts()).hasSize(2);
  }

  @Test
  void aTransactionPastTheBlocksDaFootprintLimitEndsTheBlock() {
    // 100 * 501 = 50,100 > the 50,000 gas limit.
    assertThatThrownBy(() -> run(501, signedTransfer())).isInstanceOf(BlockExecutionException.class)
        .hasMessageContaining("transaction 1 is invalid").hasMessageContaining("DA footprint 50100")
        .hasMessageContaining("remaining DA footprint 50000");
    assertThat(run(500, signedTransfer()).header().blobGasUsed()).isEqualTo(50_000L);
  }

  @Test
  void beforeJovianBlobGasUsedStaysZero() {
    Bytes32 root = stateWithDaFootprintGasScalar(400);
    PayloadAttributes attrs = new PayloadAttributes(1002, Bytes32.ZERO, Address.ZERO, List.of(), true, 50_000, true,
        Bytes32.ZERO, Bytes.fromHex("0x000000fa00000006"), null);
    ExecutionResult r = new BlockExecutor(ISTHMUS, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP)
        .execute(parent(root, 5_000_000, 0, "0x00000000fa00000006"), attrs);
    assertThat(r.header().blobGasUsed()).isZero();
  }

  @Test
  void theBaseFeeMetersTheParentsDaFootprintAndFloorsAtTheMinimum() {
    BlockExecutor jovian = new BlockExecutor(JOVIAN, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP);
    OpForkRules rules = OpForkRules.at(JOVIAN, 1002);
    // Target 30M / 6 = 5M. Gas used alone is on target: 1000 stays.
    assertThat(jovian.baseFee(parent(Hashes.EMPTY_TRIE_ROOT, 5_000_000, 0, jovianExtra(0)), rules)).isEqualTo(1000);
    // A 10M DA footprint meters 10M: 1000 + 1000 * 5M / 5M / 250 = 1004.
    assertThat(jovian.baseFee(parent(Hashes.EMPTY_TRIE_ROOT, 5_000_000, 10_000_000, jovianExtra(0)), rules)).isEqualTo(1004);
    // The parent's minimum base fee of 2000 wei floors it.
    assertThat(jovian.baseFee(parent(Hashes.EMPTY_TRIE_ROOT, 5_000_000, 10_000_000, jovianExtra(2000)), rules)).isEqualTo(2000);
    // Before Jovian the blob gas is not metered (it is 0 on a real chain anyway).
    BlockExecutor isthmus = new BlockExecutor(ISTHMUS, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP);
    assertThat(isthmus.baseFee(parent(Hashes.EMPTY_TRIE_ROOT, 5_000_000, 10_000_000, "0x00000000fa00000006"),
        OpForkRules.at(ISTHMUS, 1002))).isEqualTo(1000);
  }
}
