package io.fpp4j.mpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trie operations over seeded random cases: each case number seeds its own generator, so a failure
 * names the seed that reproduces it. Hostile node bytes and proofs are left to {@link TrieFuzzTest}.
 */
class TriePropertiesTest {
  static LongStream cases100() {
    return LongStream.range(0, 100);
  }

  static LongStream cases200() {
    return LongStream.range(0, 200);
  }

  static LongStream cases300() {
    return LongStream.range(0, 300);
  }

  static byte[] bytes(Random r, int min, int max) {
    byte[] b = new byte[min + r.nextInt(max - min + 1)];
    r.nextBytes(b);
    return b;
  }

  static List<byte[]> byteArrays(Random r, int minCount, int maxCount, int minSize, int maxSize) {
    List<byte[]> out = new ArrayList<>();
    for (int n = minCount + r.nextInt(maxCount - minCount + 1); n > 0; n--) out.add(bytes(r, minSize, maxSize));
    return out;
  }

  /** One step: put (value non-null) or delete (value null) the key at index {@code key} of a pool. */
  record Op(int key, byte[] value) {
    @Override
    public String toString() {
      return (value == null ? "del " : "put ") + key + (value == null ? "" : "=" + Hex.encode(value));
    }
  }

  /** 1 to 120 puts and deletes over 64 pool keys: three puts to a delete, values short (inline) or long (hashed). */
  static List<Op> ops(Random r) {
    List<Op> ops = new ArrayList<>();
    for (int n = 1 + r.nextInt(120); n > 0; n--) {
      int key = r.nextInt(64);
      byte[] value = r.nextInt(4) == 0 ? null : r.nextBoolean() ? bytes(r, 1, 4) : bytes(r, 30, 70);
      ops.add(new Op(key, value));
    }
    return ops;
  }

  /** 64 keys of 32 bytes sharing prefixes (so extensions and deep branches appear), from a seed. */
  static byte[][] fixedPool(long seed) {
    java.util.Random r = new java.util.Random(seed);
    byte[][] pool = new byte[64][];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = new byte[32];
      r.nextBytes(pool[i]);
      if (i % 4 != 0) System.arraycopy(pool[i - 1], 0, pool[i], 0, 1 + r.nextInt(3)); // share a prefix
    }
    return pool;
  }

  /** 64 short keys of 0-4 bytes over a tiny alphabet: many keys are prefixes of others (branch values). */
  static byte[][] variablePool(long seed) {
    java.util.Random r = new java.util.Random(seed);
    Set<String> seen = new HashSet<>();
    List<byte[]> out = new ArrayList<>();
    while (out.size() < 64) {
      byte[] k = new byte[r.nextInt(5)];
      for (int i = 0; i < k.length; i++) k[i] = (byte) (r.nextInt(3) * 0x11);
      if (seen.add(Hex.encode(k))) out.add(k);
      if (seen.size() == 1 + 3 + 9 + 27 + 81) break;
    }
    while (out.size() < 64) out.add(out.get(out.size() % 10)); // duplicates only repeat keys
    return out.toArray(new byte[0][]);
  }

  static Bytes32 builderRoot(Map<String, byte[]> contents) {
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    contents.forEach((k, v) -> entries.add(new TrieBuilder.Entry(Hex.decode(k), v)));
    return TrieBuilder.root(entries);
  }

  static Map<String, byte[]> apply(Trie trie, byte[][] pool, List<Op> ops, Map<String, byte[]> contents) {
    for (Op op : ops) {
      byte[] k = pool[op.key()];
      if (op.value() == null) {
        boolean had = contents.remove(Hex.encode(k)) != null;
        assertThat(trie.delete(k)).isEqualTo(had);
      } else {
        contents.put(Hex.encode(k), op.value());
        trie.put(k, op.value());
      }
    }
    return contents;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases300")
  void insertAndDeleteGiveTheRootOfTheFinalContents(long seed) {
    Random r = new Random(seed);
    List<Op> ops = ops(r);
    byte[][] pool = fixedPool(r.nextLong());
    Trie trie = Trie.empty();
    Map<String, byte[]> contents = apply(trie, pool, ops, new TreeMap<>());
    assertThat(trie.rootHash()).isEqualTo(builderRoot(contents));
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertThat(trie.get(Hex.decode(e.getKey()))).isEqualTo(Bytes.of(e.getValue()));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases300")
  void sameWithKeysThatArePrefixesOfOtherKeys(long seed) {
    Random r = new Random(seed);
    List<Op> ops = ops(r);
    byte[][] pool = variablePool(r.nextLong());
    Trie trie = Trie.empty();
    Map<String, byte[]> contents = apply(trie, pool, ops, new TreeMap<>());
    assertThat(trie.rootHash()).isEqualTo(builderRoot(contents));
  }

  /** Counts fetches and serves each node at most once: a second request for a node fails the test. */
  static final class OneAtATime implements TrieProvider, TrieHinter {
    final Map<Bytes32, byte[]> nodes;
    final Set<Bytes32> served = new HashSet<>();
    final List<Bytes32> hinted = new ArrayList<>();

    OneAtATime(Map<Bytes32, byte[]> nodes) {
      this.nodes = nodes;
    }

    @Override
    public byte[] trieNodePreimage(Bytes32 hash) {
      if (!served.add(hash)) throw new AssertionError("node " + hash + " requested twice; fetched nodes must be kept");
      return nodes.get(hash);
    }

    @Override
    public void hintTrieNode(Bytes32 nodeHash) {
      hinted.add(nodeHash);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases200")
  void deletesAndInsertsOnABlindedTrieMatchTheBuilder(long seed) {
    Random r = new Random(seed);
    List<Integer> initial = new ArrayList<>();
    for (int n = 1 + r.nextInt(64); n > 0; n--) initial.add(r.nextInt(64));
    List<Op> ops = ops(r);
    byte[][] pool = fixedPool(r.nextLong());
    Map<String, byte[]> contents = new TreeMap<>();
    for (int i : initial) contents.put(Hex.encode(pool[i]), Hashing.keccak256(pool[i])); // 32-byte values
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    contents.forEach((k, v) -> entries.add(new TrieBuilder.Entry(Hex.decode(k), v)));
    BuiltTrie built = TrieBuilder.build(entries, true);
    OneAtATime provider = new OneAtATime(built.nodes());
    Trie trie = Trie.open(built.root(), provider, provider);
    apply(trie, pool, ops, contents);
    assertThat(trie.rootHash()).isEqualTo(builderRoot(contents));
    // Every hint named a real node of the original trie, and that node was then fetched.
    assertThat(built.nodes().keySet()).containsAll(provider.hinted);
    assertThat(provider.served).containsAll(provider.hinted);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases200")
  void aWalkThroughAOneNodeAtATimeProviderFindsEveryKey(long seed) {
    Random r = new Random(seed);
    List<byte[]> values = byteArrays(r, 0, 300, 1, 40);
    Map<String, byte[]> contents = new TreeMap<>();
    for (byte[] v : values) {
      byte[] k = new byte[32];
      r.nextBytes(k);
      contents.put(Hex.encode(k), v);
    }
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    contents.forEach((k, v) -> entries.add(new TrieBuilder.Entry(Hex.decode(k), v)));
    BuiltTrie built = TrieBuilder.build(entries, true);

    OneAtATime walkProvider = new OneAtATime(built.nodes());
    Map<String, byte[]> walked = new TreeMap<>();
    Trie.open(built.root(), walkProvider, walkProvider).forEach((p, v) -> walked.put(Hex.encode(p.toKey()), v.toArray()));
    assertThat(walked.keySet()).isEqualTo(contents.keySet());
    walked.forEach((k, v) -> assertThat(v).isEqualTo(contents.get(k)));
    if (!contents.isEmpty()) assertThat(walkProvider.served).isEqualTo(built.nodes().keySet());

    // Key by key on one trie: each node is fetched once, however many lookups pass through it.
    OneAtATime getProvider = new OneAtATime(built.nodes());
    Trie trie = Trie.open(built.root(), getProvider, getProvider);
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertThat(trie.get(Hex.decode(e.getKey()))).isEqualTo(Bytes.of(e.getValue()));
    }
    assertThat(trie.rootHash()).isEqualTo(built.root());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases200")
  void proofsProveValuesAndAbsence(long seed) {
    Random r = new Random(seed);
    List<byte[]> values = byteArrays(r, 1, 100, 1, 40);
    int pick = r.nextInt(1001);
    Trie trie = Trie.empty();
    List<byte[]> keys = new ArrayList<>();
    Map<String, byte[]> contents = new HashMap<>();
    for (byte[] v : values) {
      byte[] k = new byte[32];
      r.nextBytes(k);
      keys.add(k);
      trie.put(k, v);
      contents.put(Hex.encode(k), v);
    }
    Bytes32 root = trie.rootHash();
    byte[] present = keys.get(pick % keys.size());
    List<byte[]> proof = trie.proof(present);
    assertThat(ProofVerifier.verify(root, present, proof)).isEqualTo(Bytes.of(contents.get(Hex.encode(present))));
    byte[] absent = new byte[32];
    r.nextBytes(absent);
    assertThat(ProofVerifier.verify(root, absent, trie.proof(absent))).isNull();
    // Without its last hashed node the proof is incomplete, unless everything below the root is inline.
    if (proof.size() > 1) {
      List<byte[]> cut = new ArrayList<>(proof.subList(0, proof.size() - 1));
      assertThatThrownBy(() -> ProofVerifier.verify(root, present, cut))
          .isInstanceOf(TrieException.class)
          .satisfies(e -> assertThat(((TrieException) e).reason()).isEqualTo(TrieException.Reason.MISSING_NODE));
    }
    // A proof for another root proves nothing.
    assertThatThrownBy(() -> ProofVerifier.verify(Bytes32.keccak256(new byte[] {1}), present, proof))
        .hasMessageContaining("lacks node");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases100")
  void orderedTrieBuilderInsertsAndWalkerAgree(long seed) {
    List<byte[]> items = byteArrays(new Random(seed), 0, 300, 1, 60);
    BuiltTrie built = OrderedTrie.build(items);
    Trie inserted = Trie.empty();
    for (int i = 0; i < items.size(); i++) inserted.put(OrderedTrie.key(i), items.get(i));
    assertThat(inserted.rootHash()).isEqualTo(built.root());
    List<byte[]> back = OrderedListWalker.walkBytes(built.root(), TrieProvider.of(built.nodes()));
    assertThat(back).hasSameSizeAs(items);
    for (int i = 0; i < items.size(); i++) assertThat(back.get(i)).isEqualTo(items.get(i));
    built.nodes().forEach((h, n) -> assertThat(Bytes32.wrap(Hashing.keccak256(n))).isEqualTo(h));
  }
}
