package io.fpp4j.bench.mpt;

import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.Trie;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieNode;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Bytes32;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Trie benchmarks in the shape of kona-mpt's {@code benches/trie_node.rs}: tries of 4,096 and 65,536
 * random 32-byte keys; building and hashing them, opening 1,024 keys and deleting 16.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MptBenchmark {
  @Param({"4096", "65536"})
  public int size;

  MptData data;
  Trie openTrie; // fully open, hashes cached
  TrieNode openRoot;
  BuiltTrie built; // every node, for provider-backed (blinded) walks
  TrieProvider provider;

  @Setup(Level.Trial)
  public void setup() {
    data = new MptData(size, 0x5eed);
    openTrie = data.insertAll();
    openTrie.rootHash();
    openRoot = openTrie.root();
    built = data.build(true);
    provider = TrieProvider.of(built.nodes());
  }

  /** Insert every key into an empty trie, then hash it (kona: insertion + compute root). */
  @Benchmark
  public Bytes32 insertAllAndRoot() {
    return data.insertAll().rootHash();
  }

  /** The same root from the sorted one-pass builder, retaining no nodes. */
  @Benchmark
  public Bytes32 builderRoot() {
    return data.build(false).root();
  }

  /** Open 1,024 keys of the fully open trie. */
  @Benchmark
  public void open1024(Blackhole bh) {
    Trie t = Trie.of(openRoot, TrieProvider.NONE, TrieHinter.NOOP);
    for (int i : data.openIndexes) bh.consume(t.get(data.keys[i]));
  }

  /** Open 1,024 keys of a trie known only by its root: every node is fetched, hash-checked and decoded once. */
  @Benchmark
  public void open1024Blinded(Blackhole bh) {
    Trie t = Trie.open(built.root(), provider, TrieHinter.NOOP);
    for (int i : data.openIndexes) bh.consume(t.get(data.keys[i]));
  }

  /** Delete 16 keys from the fully open trie and compute the new root. */
  @Benchmark
  public Bytes32 delete16() {
    Trie t = Trie.of(openRoot, TrieProvider.NONE, TrieHinter.NOOP);
    for (int i : data.deleteIndexes) t.delete(data.keys[i]);
    return t.rootHash();
  }

  /** Hashing a fully open trie whose node hashes are not yet computed (a fresh trie per invocation). */
  @State(Scope.Thread)
  public static class FreshTrie {
    Trie trie;

    @Setup(Level.Invocation)
    public void build(MptBenchmark b) {
      trie = b.data.insertAll();
    }
  }

  @Benchmark
  public Bytes32 rootOfFullyOpenTrie(FreshTrie fresh) {
    return fresh.trie.rootHash();
  }
}
