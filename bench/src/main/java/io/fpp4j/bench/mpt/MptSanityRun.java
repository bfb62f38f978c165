package io.fpp4j.bench.mpt;

import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.Trie;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieNode;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.Transactions;

/**
 * A plain System.nanoTime loop over the same operations as {@link MptBenchmark}: a sanity check that the
 * benchmarked code runs and agrees with itself, not a measurement (no forks, crude warm-up). Real numbers
 * come from JMH.
 */
public final class MptSanityRun {
  private MptSanityRun() {}

  public static void main(String[] args) {
    for (int size : new int[] {4096, 65536}) {
      MptData d = new MptData(size, 0x5eed);
      Trie open = d.insertAll();
      Bytes32 root = open.rootHash();
      TrieNode openRoot = open.root();
      BuiltTrie built = d.build(true);
      if (!built.root().equals(root)) throw new AssertionError("builder and inserts disagree at " + size);
      TrieProvider provider = TrieProvider.of(built.nodes());
      int reps = size == 4096 ? 60 : 8;
      report(size, "insertAllAndRoot", reps, () -> d.insertAll().rootHash());
      report(size, "builderRoot", reps, () -> d.build(false).root());
      report(size, "open1024", reps * 20, () -> {
        Trie t = Trie.of(openRoot, TrieProvider.NONE, TrieHinter.NOOP);
        for (int i : d.openIndexes) if (t.get(d.keys[i]) == null) throw new AssertionError();
      });
      report(size, "open1024Blinded", reps * 2, () -> {
        Trie t = Trie.open(root, provider, TrieHinter.NOOP);
        for (int i : d.openIndexes) if (t.get(d.keys[i]) == null) throw new AssertionError();
      });
      report(size, "delete16", reps * 20, () -> {
        Trie t = Trie.of(openRoot, TrieProvider.NONE, TrieHinter.NOOP);
        for (int i : d.deleteIndexes) t.delete(d.keys[i]);
        t.rootHash();
      });
    }
    byte[] body = MptData.largeBlockBody(1500, 0xb10c);
    report(body.length, "decodeBlockTransactions(1500 txs, bytes=size)", 200, () -> Transactions.decodeBodyList(body));
  }

  private static void report(int size, String name, int reps, Runnable op) {
    for (int i = 0; i < Math.max(3, reps / 3); i++) op.run(); // warm-up
    long best = Long.MAX_VALUE;
    long total = 0;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      op.run();
      long dt = System.nanoTime() - t0;
      best = Math.min(best, dt);
      total += dt;
    }
    System.out.printf("%-48s size=%-7d mean=%10.1f us  best=%10.1f us  (%d reps)%n", name, size, total / 1e3 / reps,
        best / 1e3, reps);
  }
}
