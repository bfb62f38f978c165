package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a trie bottom-up from its complete, sorted contents in one pass, without building node
 * objects or inserting keys one by one. It is an independent way to the same root as {@link Trie}, and
 * the way a host turns a block's transactions or receipts into the nodes a client will ask for.
 */
public final class TrieBuilder {
  private final byte[][] keys;
  private final byte[][] values;
  private final Map<Bytes32, byte[]> nodes;

  private TrieBuilder(byte[][] keys, byte[][] values, boolean retain) {
    this.keys = keys;
    this.values = values;
    this.nodes = retain ? new HashMap<>() : null;
  }

  /** One key and its (non-empty) value. */
  public record Entry(byte[] key, byte[] value) {}

  /** The root of the trie holding {@code entries} (any order; keys must be distinct). */
  public static Bytes32 root(List<Entry> entries) {
    return build(entries, false).root();
  }

  /**
   * Builds the trie holding {@code entries} (any order; keys must be distinct, values non-empty). With
   * {@code retainNodes}, the result also holds every node referenced by hash and the root node.
   */
  public static BuiltTrie build(List<Entry> entries, boolean retainNodes) {
    Entry[] sorted = entries.toArray(new Entry[0]);
    Arrays.sort(sorted, Comparator.comparing(Entry::key, Arrays::compareUnsigned));
    byte[][] ks = new byte[sorted.length][];
    byte[][] vs = new byte[sorted.length][];
    for (int i = 0; i < sorted.length; i++) {
      ks[i] = sorted[i].key();
      vs[i] = sorted[i].value();
      if (vs[i].length == 0) throw new IllegalArgumentException("empty value for key 0x" + Hex.encode(ks[i]));
      if (i > 0 && Arrays.equals(ks[i - 1], ks[i])) throw new IllegalArgumentException("duplicate key 0x" + Hex.encode(ks[i]));
    }
    TrieBuilder b = new TrieBuilder(ks, vs, retainNodes);
    if (ks.length == 0) {
      Map<Bytes32, byte[]> empty = retainNodes ? Map.of(Hashes.EMPTY_TRIE_ROOT, new byte[] {(byte) 0x80}) : Map.of();
      return new BuiltTrie(Hashes.EMPTY_TRIE_ROOT, empty);
    }
    byte[] rootNode = b.node(0, ks.length, 0);
    Bytes32 root = Bytes32.wrap(Hashing.keccak256(rootNode));
    if (retainNodes) b.nodes.put(root, rootNode);
    return new BuiltTrie(root, retainNodes ? b.nodes : Map.of());
  }

  private static int nibble(byte[] key, int i) {
    int b = key[i >> 1];
    return (i & 1) == 0 ? (b >> 4) & 0x0f : b & 0x0f;
  }

  private static int nibbleCount(byte[] key) {
    return key.length * 2;
  }

  /** The RLP of the node covering keys [lo, hi), all of which share their first {@code depth} nibbles. */
  private byte[] node(int lo, int hi, int depth) {
    if (hi - lo == 1) {
      return new RlpWriter().startList().writeBytes(compact(keys[lo], depth, nibbleCount(keys[lo]), true))
          .writeBytes(values[lo]).endList().toByteArray();
    }
    // Keys are sorted, so the prefix the first and last share is shared by all.
    byte[] first = keys[lo];
    byte[] last = keys[hi - 1];
    int end = Math.min(nibbleCount(first), nibbleCount(last));
    int common = depth;
    while (common < end && nibble(first, common) == nibble(last, common)) common++;
    if (common > depth) {
      RlpWriter w = new RlpWriter().startList().writeBytes(compact(first, depth, common, false));
      reference(w, node(lo, hi, common));
      return w.endList().toByteArray();
    }
    RlpWriter w = new RlpWriter(600).startList();
    byte[] value = new byte[0];
    int i = lo;
    if (nibbleCount(keys[i]) == depth) value = values[i++]; // a key ending here sorts first
    for (int n = 0; n < 16; n++) {
      int j = i;
      while (j < hi && nibble(keys[j], depth) == n) j++;
      if (j == i) w.writeEmpty();
      else reference(w, node(i, j, depth + 1));
      i = j;
    }
    return w.writeBytes(value).endList().toByteArray();
  }

  private void reference(RlpWriter w, byte[] child) {
    if (child.length < 32) {
      w.writeRaw(child);
      return;
    }
    byte[] h = Hashing.keccak256(child);
    if (nodes != null) nodes.put(Bytes32.wrap(h), child);
    w.writeBytes(h);
  }

  /** Hex-prefix encoding of nibbles [from, to) of {@code key}. */
  private static byte[] compact(byte[] key, int from, int to, boolean leaf) {
    int len = to - from;
    byte[] out = new byte[len / 2 + 1];
    int flag = (leaf ? 2 : 0) + (len & 1);
    int i = from;
    if ((len & 1) != 0) out[0] = (byte) (flag << 4 | nibble(key, i++));
    else out[0] = (byte) (flag << 4);
    for (int o = 1; o < out.length; o++, i += 2) out[o] = (byte) (nibble(key, i) << 4 | nibble(key, i + 1));
    return out;
  }
}
