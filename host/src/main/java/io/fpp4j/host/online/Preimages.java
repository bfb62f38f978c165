package io.fpp4j.host.online;

import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.util.List;
import java.util.Map;

/** Writing hashed preimages: keccak values, the nodes of an ordered trie. */
final class Preimages {
  private Preimages() {}

  /** Stores {@code value} under its own keccak-256 key. */
  static void putKeccak(PreimageStore store, byte[] value) {
    store.put(PreimageKey.keccak256Of(value), value);
  }

  /** Stores {@code value} under {@code 02 ‖ hash[1:]} after checking that it hashes to {@code hash}. */
  static void putKeccak(PreimageStore store, Bytes32 hash, byte[] value, String what) throws RpcException {
    Bytes32 actual = Bytes32.wrap(Hashing.keccak256(value));
    if (!actual.equals(hash)) {
      throw new RpcException(what + ": the node returned " + value.length + " bytes hashing to " + actual + ", not " + hash, null);
    }
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, hash.toArray()), value);
  }

  /**
   * Builds the ordered trie of {@code items} (EIP-2718 encodings), checks its root against the header's,
   * and stores every node under its keccak key; an empty list stores {@code 0x80} under the empty root.
   *
   * @return the number of nodes stored
   */
  static int putOrderedTrie(PreimageStore store, List<byte[]> items, Bytes32 expectedRoot, String what) throws RpcException {
    BuiltTrie trie = OrderedTrie.build(items);
    if (!trie.root().equals(expectedRoot)) {
      throw new RpcException(what + ": the " + items.size() + " items the node returned make a trie with root " + trie.root()
          + ", but the block header says " + expectedRoot, null);
    }
    for (Map.Entry<Bytes32, byte[]> node : trie.nodes().entrySet()) {
      store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, node.getKey().toArray()), node.getValue());
    }
    return trie.nodes().size();
  }
}
