package io.fpp4j.testkit;

import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.AccessListItem;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.Authorization;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.SetCodeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.TxType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Single blocks named by a seed string, for tests that need a block of every transaction type rather than a
 * whole chain ({@link ChainDataGenerator}): each value is derived from keccak-256 of the seed and a label, so
 * the same seed always gives the same block and different seeds never collide. The header commits to its
 * transactions and receipts; the other header fields are seeded too.
 *
 * <p>Not final: a test's own helper may extend it to add forms of its own (the host's JSON-RPC forms) while
 * keeping these names.
 */
public class SeededBlocks {
  /** A generated block. */
  public record Block(Header header, List<Transaction> txs, List<Receipt> receipts) {
    public Block {
      txs = List.copyOf(txs);
      receipts = List.copyOf(receipts);
    }

    public Bytes32 hash() {
      return header.hash();
    }

    public List<byte[]> txItems() {
      return txs.stream().map(Transaction::encode2718).toList();
    }

    public List<byte[]> receiptItems() {
      return receipts.stream().map(Receipt::encode2718).toList();
    }
  }

  protected SeededBlocks() {}

  /** A hash seeded by {@code seed}. */
  public static Bytes32 h(String seed) {
    return Bytes32.wrap(Hashing.keccak256(seed.getBytes()));
  }

  /** An address seeded by {@code seed}. */
  public static Address a(String seed) {
    byte[] k = Hashing.keccak256(seed.getBytes());
    byte[] out = new byte[20];
    System.arraycopy(k, 12, out, 0, 20);
    return Address.wrap(out);
  }

  /** A signature scalar seeded by {@code seed}: random-looking, never checked by a fault-proof client. */
  public static BigInteger sig(String seed) {
    return new BigInteger(1, Hashing.keccak256(seed.getBytes())).shiftRight(2);
  }

  /** Every transaction type, seeded by {@code seed}; {@code deposits} adds an OP deposit first. */
  public static List<Transaction> transactions(String seed, boolean deposits) {
    List<Transaction> txs = new ArrayList<>();
    List<AccessListItem> al = List.of(new AccessListItem(a(seed + "al"), List.of(h(seed + "k1"), h(seed + "k2"))));
    if (deposits) {
      txs.add(new DepositTransaction(h(seed + "src"), a(seed + "from"), a(seed + "to"), BigInteger.TEN, BigInteger.ZERO,
          1_000_000, false, Bytes.of(new byte[] {1, 2, 3})));
    }
    txs.add(new LegacyTransaction(1, BigInteger.valueOf(7_000_000_000L), 21_000, a(seed + "to"), BigInteger.ONE, Bytes.EMPTY,
        37, sig(seed + "r0"), sig(seed + "s0")));
    txs.add(new LegacyTransaction(2, BigInteger.valueOf(7_000_000_000L), 53_000, null, BigInteger.ZERO,
        Bytes.of(new byte[] {0x60, 0x00}), 27, sig(seed + "r1"), sig(seed + "s1")));
    txs.add(new AccessListTransaction(1, 3, BigInteger.valueOf(9), 30_000, a(seed + "to2"), BigInteger.TWO, Bytes.EMPTY, al, 1,
        sig(seed + "r2"), sig(seed + "s2")));
    txs.add(new DynamicFeeTransaction(1, 4, BigInteger.ONE, BigInteger.valueOf(100), 40_000, a(seed + "to3"), BigInteger.ZERO,
        Bytes.of(Hashing.keccak256(seed.getBytes())), List.of(), 0, sig(seed + "r3"), sig(seed + "s3")));
    txs.add(new BlobTransaction(1, 5, BigInteger.ONE, BigInteger.valueOf(100), 50_000, a(seed + "to4"), BigInteger.ZERO, Bytes.EMPTY,
        al, BigInteger.valueOf(3), List.of(h(seed + "blob")), 1, sig(seed + "r4"), sig(seed + "s4")));
    txs.add(new SetCodeTransaction(1, 6, BigInteger.ONE, BigInteger.valueOf(100), 60_000, a(seed + "to5"), BigInteger.ZERO,
        Bytes.EMPTY, List.of(), List.of(new Authorization(BigInteger.ONE, a(seed + "auth"), 9, 1, sig(seed + "ar"), sig(seed + "as"))),
        0, sig(seed + "r5"), sig(seed + "s5")));
    return txs;
  }

  /** One receipt per transaction: a few logs, every fourth one failed, deposits with their nonce and version. */
  public static List<Receipt> receipts(List<Transaction> txs, String seed) {
    List<Receipt> out = new ArrayList<>();
    long gas = 0;
    for (int i = 0; i < txs.size(); i++) {
      gas += 21_000 + i;
      List<Log> logs = new ArrayList<>();
      for (int j = 0; j < i % 3; j++) {
        logs.add(new Log(a(seed + "log" + i + j), List.of(h(seed + "t" + i + j)), Bytes.of(new byte[] {(byte) i, (byte) j})));
      }
      Receipt r = Receipt.of(txs.get(i).type(), i % 4 != 3, gas, logs);
      if (txs.get(i).type() == TxType.DEPOSIT) {
        r = new Receipt(TxType.DEPOSIT, null, true, gas, Bloom.of(logs), logs, 77L, 1L);
      }
      out.add(r);
    }
    return out;
  }

  /** Block {@code number} holding {@code txs} and their {@link #receipts}, its header committing to both. */
  public static Block block(String seed, long number, List<Transaction> txs) {
    List<Receipt> receipts = receipts(txs, seed);
    Bytes32 txRoot = OrderedTrie.root(txs.stream().map(Transaction::encode2718).toList());
    Bytes32 receiptRoot = OrderedTrie.root(receipts.stream().map(Receipt::encode2718).toList());
    Header header = new Header(h(seed + "parent"), Hashes.EMPTY_OMMERS_HASH, a(seed + "miner"), h(seed + "state"), txRoot,
        receiptRoot, Bloom.EMPTY, BigInteger.ZERO, number, 30_000_000, 21_000L * txs.size(), 1_700_000_000L + 12 * number,
        Bytes.of(seed.getBytes()), h(seed + "mix"), 0, 7L, Hashes.EMPTY_TRIE_ROOT, 0L, 0L, h(seed + "beacon"), null);
    return new Block(header, txs, receipts);
  }

  /** The same block, committing to another state root (a generated state the test serves proofs of). */
  public static Block withStateRoot(Block b, Bytes32 stateRoot) {
    Header h = b.header();
    return new Block(new Header(h.parentHash(), h.ommersHash(), h.beneficiary(), stateRoot, h.transactionsRoot(),
        h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(), h.gasUsed(), h.timestamp(), h.extraData(),
        h.mixHash(), h.nonce(), h.baseFeePerGas(), h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(),
        h.parentBeaconBlockRoot(), h.requestsHash()), b.txs(), b.receipts());
  }
}
