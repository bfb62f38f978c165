package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes32;
import java.util.Map;

/**
 * The result of building a trie from its full contents: the root hash and, if requested, every node the
 * trie is made of that is referenced by hash (plus the root node itself), keyed by keccak256. These are
 * exactly the keccak preimages a host must be able to serve for a client to walk the trie.
 */
public record BuiltTrie(Bytes32 root, Map<Bytes32, byte[]> nodes) {
  public BuiltTrie {
    nodes = Map.copyOf(nodes);
  }
}
