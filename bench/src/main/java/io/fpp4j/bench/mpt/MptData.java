package io.fpp4j.bench.mpt;

import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.Trie;
import io.fpp4j.mpt.TrieBuilder;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic inputs shared by the JMH benchmarks and the plain sanity run. */
public final class MptData {
  public final byte[][] keys;
  public final byte[][] values;
  public final int[] openIndexes;
  public final int[] deleteIndexes;

  /** {@code size} random 32-byte keys with random 32-byte values, 1,024 keys to open and 16 to delete. */
  public MptData(int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    keys = new byte[size][32];
    values = new byte[size][32];
    for (int i = 0; i < size; i++) {
      r.nextBytes(keys[i]);
      r.nextBytes(values[i]);
    }
    openIndexes = r.ints(1024, 0, size).toArray();
    deleteIndexes = r.ints(16, 0, size).distinct().toArray();
  }

  public Trie insertAll() {
    Trie t = Trie.empty();
    for (int i = 0; i < keys.length; i++) t.put(keys[i], values[i]);
    return t;
  }

  public BuiltTrie build(boolean retainNodes) {
    List<TrieBuilder.Entry> entries = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) entries.add(new TrieBuilder.Entry(keys[i], values[i]));
    return TrieBuilder.build(entries, retainNodes);
  }

  /**
   * The block-body RLP of a large block: {@code count} transactions, a few deposits first, then a mix of
   * legacy (EIP-155) and EIP-1559 transactions with 100-600 bytes of call data each.
   */
  public static byte[] largeBlockBody(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] input = new byte[100 + r.nextInt(500)];
      r.nextBytes(input);
      Address to = Address.wrap(random(r, 20));
      BigInteger sigR = new BigInteger(1, random(r, 32));
      BigInteger sigS = new BigInteger(1, random(r, 32));
      if (i < 3) {
        txs.add(new DepositTransaction(Bytes32.wrap(random(r, 32)), Address.wrap(random(r, 20)), to, BigInteger.ZERO,
            BigInteger.valueOf(r.nextInt(1_000_000)), 1_000_000, false, Bytes.adopt(input)));
      } else if (i % 3 == 0) {
        txs.add(new LegacyTransaction(r.nextInt(100_000), BigInteger.valueOf(1_000_000_000L + r.nextInt(1 << 20)),
            21_000 + r.nextInt(500_000), to, BigInteger.valueOf(r.nextLong() & Long.MAX_VALUE), Bytes.adopt(input),
            11_155_420L * 2 + 35 + r.nextInt(2), sigR, sigS));
      } else {
        txs.add(new DynamicFeeTransaction(11_155_420L, r.nextInt(100_000), BigInteger.valueOf(1_000_000 + r.nextInt(1 << 20)),
            BigInteger.valueOf(2_000_000_000L + r.nextInt(1 << 20)), 21_000 + r.nextInt(500_000), to,
            BigInteger.valueOf(r.nextLong() & Long.MAX_VALUE), Bytes.adopt(input), List.of(), r.nextInt(2), sigR, sigS));
      }
    }
    return Transactions.encodeBodyList(txs);
  }

  private static byte[] random(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
