package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes32;
import java.util.Map;

/**
 * Where the nodes of a partially known trie come from: the RLP preimage of a node, by its keccak256
 * hash. On a fault-proof client this is a keccak preimage-oracle read. The trie checks that what comes
 * back hashes to what it asked for, so a provider does not have to.
 */
@FunctionalInterface
public interface TrieProvider {
  /** A provider that has no nodes: walking into any blinded node fails with {@code MISSING_NODE}. */
  TrieProvider NONE = hash -> null;

  /** The RLP encoding of the node whose keccak256 is {@code hash}, or null if it is not available. */
  byte[] trieNodePreimage(Bytes32 hash);

  /** A provider over a map from node hash to node RLP (the map is read, not copied). */
  static TrieProvider of(Map<Bytes32, byte[]> nodes) {
    return nodes::get;
  }
}
