package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.state.StateReadException;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.TxType;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blocks over an empty pre-state on a chain with every upgrade to Holocene active from genesis. */
class BlockExecutorTest {
  private static final RollupConfig CONFIG = RollupConfig.parse("""
      {"genesis": {"l1": {"hash": "0x%s", "number": 1}, "l2": {"hash": "0x%s", "number": 0}, "l2_time": 0},
       "block_time": 2, "seq_window_size": 3600, "channel_timeout": 300, "l1_chain_id": 1, "l2_chain_id": 901,
       "regolith_time": 0, "canyon_time": 0, "delta_time": 0, "ecotone_time": 0, "fjord_time": 0,
       "granite_time": 0, "holocene_time": 0,
       "chain_op_config": {"eip1559Elasticity": 6, "eip1559Denominator": 50, "eip1559DenominatorCanyon": 250}}
      """.formatted("11".repeat(32), "22".repeat(32)));
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final BigInteger ETH = BigInteger.TEN.pow(18);
  private static final Bytes HOLOCENE_PARAMS = Bytes.fromHex("0x000000fa00000006");

  private final Map<Bytes32, byte[]> preimages = new HashMap<>();

  private static Header parent(Bytes32 stateRoot) {
    return new Header(Bytes32.ZERO, Hashes.EMPTY_OMMERS_HASH, Address.ZERO, stateRoot, Hashes.EMPTY_TRIE_ROOT,
        Hashes.EMPTY_TRIE_ROOT, Bloom.EMPTY, BigInteger.ZERO, 100, 30_000_000, 5_000_000, 1000,
        Bytes.fromHex("0x00000000fa00000006"), Bytes32.ZERO, 0, 1000L, Hashes.EMPTY_TRIE_ROOT, 0L, 0L, Bytes32.ZERO, null);
  }

  private static PayloadAttributes attributes(long timestamp, long gasLimit, List<byte[]> txs) {
    return new PayloadAttributes(timestamp, Bytes32.ZERO, Address.ZERO, txs.stream().map(Bytes::of).toList(), true, gasLimit,
        true, Bytes32.ZERO, HOLOCENE_PARAMS, null);
  }

  private static byte[] deposit(int n, Address from, BigInteger mint, BigInteger value, long gas) {
    return new DepositTransaction(Bytes32.leftPad(new byte[] {(byte) n}), from, BOB, mint, value, gas, false, Bytes.EMPTY)
        .encode2718();
  }

  private ExecutionResult run(PayloadAttributes attrs) {
    return new BlockExecutor(CONFIG, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP)
        .execute(parent(Hashes.EMPTY_TRIE_ROOT), attrs);
  }

  @Test
  void depositReceiptsCarryTheNonceAndCanyonsVersionAndFailedDepositsBumpTheNonce() {
    ExecutionResult r = run(attributes(1002, 30_000_000, List.of(
        deposit(1, ALICE, ETH, ETH.divide(BigInteger.TWO), 100_000),
        // 2 ETH > the 0.5 left + 0.1 minted: cannot execute, still included
        deposit(2, ALICE, ETH.divide(BigInteger.TEN), ETH.multiply(BigInteger.TWO), 50_000),
        deposit(3, ALICE, BigInteger.ZERO, BigInteger.ONE, 60_000))));
    List<Receipt> rc = r.receipts();
    assertThat(rc).hasSize(3);
    assertThat(rc.get(0).type()).isEqualTo(TxType.DEPOSIT);
    assertThat(rc.get(0).success()).isTrue();
    assertThat(rc.get(0).cumulativeGasUsed()).isEqualTo(21_000); // Regolith: the gas actually used
    assertThat(rc.get(0).depositNonce()).isEqualTo(0);
    assertThat(rc.get(0).depositReceiptVersion()).isEqualTo(1);
    assertThat(rc.get(1).success()).isFalse();
    assertThat(rc.get(1).cumulativeGasUsed()).isEqualTo(21_000 + 50_000); // a failed deposit uses its gas limit
    assertThat(rc.get(1).depositNonce()).isEqualTo(1);
    assertThat(rc.get(2).success()).isTrue();
    assertThat(rc.get(2).depositNonce()).isEqualTo(2); // the failed deposit bumped the nonce
    assertThat(r.header().gasUsed()).isEqualTo(21_000 + 50_000 + 21_000);
    assertThat(r.header().extraData()).isEqualTo(Bytes.fromHex("0x00000000fa00000006"));
    // parent used 5M of a 5M target (30M / 6): the base fee stays
    assertThat(r.header().baseFeePerGas()).isEqualTo(1000L);
    assertThat(r.header().withdrawalsRoot()).isEqualTo(Hashes.EMPTY_TRIE_ROOT);
    assertThat(r.header().blobGasUsed()).isZero();
    assertThat(r.header().number()).isEqualTo(101);
  }

  @Test
  void aSystemDepositAfterRegolithFailsButIsIncluded() {
    byte[] system = new DepositTransaction(Bytes32.leftPad(new byte[] {9}), ALICE, BOB, ETH, BigInteger.ZERO, 70_000,
        true, Bytes.EMPTY).encode2718();
    ExecutionResult r = run(attributes(1002, 30_000_000, List.of(system, deposit(1, ALICE, BigInteger.ZERO, BigInteger.ZERO, 30_000))));
    assertThat(r.receipts().get(0).success()).isFalse();
    assertThat(r.receipts().get(0).cumulativeGasUsed()).isEqualTo(70_000);
    assertThat(r.receipts().get(1).depositNonce()).isEqualTo(1);
  }

  @Test
  void holoceneTakesTheBaseFeeParametersFromTheParentsExtraData() {
    BlockExecutor ex = new BlockExecutor(CONFIG, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP);
    OpForkRules rules = OpForkRules.at(CONFIG, 1002);
    Header p = parent(Hashes.EMPTY_TRIE_ROOT); // 5M used of 30M: on target for elasticity 6
    assertThat(ex.baseFee(p, rules)).isEqualTo(1000);
    // elasticity 3, denominator 50 in extraData: target 10M, 5M used, 1000 - 1000 * 5M / 10M / 50 = 990
    Header p2 = new Header(p.parentHash(), p.ommersHash(), p.beneficiary(), p.stateRoot(), p.transactionsRoot(),
        p.receiptsRoot(), p.logsBloom(), p.difficulty(), p.number(), p.gasLimit(), p.gasUsed(), p.timestamp(),
        Bytes.fromHex("0x000000003200000003"), p.mixHash(), p.nonce(), p.baseFeePerGas(), p.withdrawalsRoot(),
        p.blobGasUsed(), p.excessBlobGas(), p.parentBeaconBlockRoot(), p.requestsHash());
    assertThat(ex.baseFee(p2, rules)).isEqualTo(990);
  }

  @Test
  void anInvalidUserTransactionIsRejectedWithItsIndexAndReason() {
    BigInteger gx = new BigInteger("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16);
    byte[] unfunded = new LegacyTransaction(0, BigInteger.valueOf(2000), 21_000, BOB, BigInteger.ONE, Bytes.EMPTY,
        27, gx, BigInteger.ONE).encode2718();
    assertThatThrownBy(() -> run(attributes(1002, 30_000_000, List.of(deposit(1, ALICE, ETH, BigInteger.ZERO, 100_000),
        unfunded))))
        .isInstanceOf(BlockExecutionException.class)
        .hasMessageContaining("transaction 1").hasMessageContaining("INSUFFICIENT_FUNDS");
  }

  @Test
  void attributesOutOfRangeAreRefused() {
    assertThatThrownBy(() -> run(attributes(1000, 30_000_000, List.of())))
        .isInstanceOf(BlockExecutionException.class).hasMessageContaining("timestamp 1000 is not after the parent's 1000");
    assertThatThrownBy(() -> run(attributes(1002, 4999, List.of())))
        .isInstanceOf(BlockExecutionException.class).hasMessageContaining("gas limit 4999 is out of range");
    assertThatThrownBy(() -> run(attributes(1002, -1, List.of())))
        .isInstanceOf(BlockExecutionException.class).hasMessageContaining("gas limit 18446744073709551615 is out of range");
    assertThatThrownBy(() -> run(new PayloadAttributes(1002, Bytes32.ZERO, Address.ZERO, List.of(), true,
        30_000_000, true, Bytes32.ZERO, null, null)))
        .isInstanceOf(BlockExecutionException.class).hasMessageContaining("eip1559Params");
  }

  @Test
  void aMissingTrieNodeNamesTheAccountAndTheNode() {
    Bytes32 root = Bytes32.fromHex("0x" + "ab".repeat(32));
    BlockExecutor ex = new BlockExecutor(CONFIG, ChainSource.ofPreimages(preimages::get), TrieHinter.NOOP);
    assertThatThrownBy(() -> ex.execute(parent(root), attributes(1002, 30_000_000, List.of())))
        .isInstanceOf(StateReadException.class)
        .hasMessageContaining(BlockExecutor.BEACON_ROOTS.toString())
        .hasMessageContaining(root.toString());
  }

  /**
   * BLOCKHASH(98) on block 101 walks back through the header of block 99, read by its hash (the parent's
   * parentHash, zero here). From an unverified source a header that does not hash to that is refused, naming
   * the hash and the block; a verified source is taken at its word, as its contract says.
   */
  @Test
  void ancestorHeadersAreHashCheckedUnlessTheSourceIsVerified() {
    Header notBlock99 = parent(Hashes.EMPTY_TRIE_ROOT);
    preimages.put(Bytes32.ZERO, notBlock99.encode());
    byte[] initcode = {0x60, 98, 0x40, 0x00}; // PUSH1 98, BLOCKHASH, STOP
    PayloadAttributes attrs = attributes(1002, 30_000_000, List.of(new DepositTransaction(Bytes32.leftPad(new byte[] {9}),
        ALICE, null, BigInteger.ZERO, BigInteger.ZERO, 100_000, false, Bytes.of(initcode)).encode2718()));

    assertThatThrownBy(() -> run(attrs)).isInstanceOf(BlockExecutionException.class)
        .hasMessageContaining("header served for " + Bytes32.ZERO + " (block 99) hashes to " + notBlock99.hash());

    ExecutionResult r = new BlockExecutor(CONFIG, ChainSource.ofPreimages(TrieProvider.verified(preimages::get)),
        TrieHinter.NOOP).execute(parent(Hashes.EMPTY_TRIE_ROOT), attrs);
    assertThat(r.receipts()).hasSize(1);
    assertThat(r.receipts().get(0).success()).isTrue();
  }
}
