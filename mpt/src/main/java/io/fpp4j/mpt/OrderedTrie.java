package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Ethereum's ordered tries (transactions, receipts, withdrawals): item {@code i} is stored under the key
 * {@code rlp(i)}. Items are already-encoded values (EIP-2718 envelopes for transactions and receipts).
 */
public final class OrderedTrie {
  private OrderedTrie() {}

  /** The key of item {@code index}: its RLP encoding as an integer ({@code 0x80} for 0). */
  public static byte[] key(int index) {
    if (index < 0) throw new IllegalArgumentException("negative index " + index);
    return new RlpWriter(5).writeLong(index).toByteArray();
  }

  public static Bytes32 root(List<byte[]> items) {
    return TrieBuilder.root(entries(items));
  }

  /**
   * The root and every node of the trie (each node referenced by hash, and the root node), ready to be
   * stored as keccak preimages. For an empty list the only node is {@code 0x80} under the empty root,
   * which a client walking the list still asks for.
   */
  public static BuiltTrie build(List<byte[]> items) {
    return TrieBuilder.build(entries(items), true);
  }

  private static List<TrieBuilder.Entry> entries(List<byte[]> items) {
    List<TrieBuilder.Entry> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) out.add(new TrieBuilder.Entry(key(i), items.get(i)));
    return out;
  }
}
