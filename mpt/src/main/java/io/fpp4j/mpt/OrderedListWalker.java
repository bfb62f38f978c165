package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back an ordered list (transactions, receipts) from the root of its trie, fetching every node
 * from the provider. Every key must be a canonical {@code rlp(index)} and the indexes must run from 0
 * without gaps; the values come back in index order.
 */
public final class OrderedListWalker {
  private OrderedListWalker() {}

  public static List<Bytes> walk(Bytes32 root, TrieProvider provider) {
    Trie trie = Trie.open(root, provider, TrieHinter.NOOP);
    List<Bytes> byIndex = new ArrayList<>();
    trie.forEach((path, value) -> {
      int index = index(path, root);
      while (byIndex.size() <= index) byIndex.add(null);
      if (byIndex.get(index) != null) {
        throw new TrieException(TrieException.Reason.MALFORMED_PATH, "ordered list " + root + " has index " + index + " twice");
      }
      byIndex.set(index, value);
    });
    int gap = byIndex.indexOf(null);
    if (gap >= 0) {
      throw new TrieException(TrieException.Reason.MALFORMED_PATH,
          "ordered list " + root + " has " + byIndex.size() + " slots but no item at index " + gap);
    }
    return byIndex;
  }

  /** The raw bytes of each item, in index order. */
  public static List<byte[]> walkBytes(Bytes32 root, TrieProvider provider) {
    List<byte[]> out = new ArrayList<>();
    for (Bytes b : walk(root, provider)) out.add(b.toArray());
    return out;
  }

  private static int index(Nibbles path, Bytes32 root) {
    if ((path.length() & 1) != 0) {
      throw new TrieException(TrieException.Reason.MALFORMED_PATH,
          "ordered list " + root + " has a key of odd nibble length: " + path);
    }
    byte[] key = path.toKey();
    try {
      RlpReader r = RlpReader.of(key);
      int index = r.readInt("ordered list index");
      r.finish("ordered list key");
      return index;
    } catch (RlpException e) {
      throw new TrieException(TrieException.Reason.MALFORMED_PATH,
          "ordered list " + root + " has key 0x" + Hex.encode(key) + " which is not rlp(index): " + e.getMessage(), e);
    }
  }
}
