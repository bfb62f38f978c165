package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes32;
import java.util.Map;

/**
 * Where the nodes of a partially known trie come from: the RLP preimage of a node, by its keccak256
 * hash. On a fault-proof client this is a keccak preimage-oracle read. The trie checks that what comes
 * back hashes to what it asked for, so a provider does not have to.
 *
 * <p>The one exception is a provider that {@linkplain #answersVerified() declares its answers verified}:
 * one whose every non-null answer is already known to hash to the key it was asked for, because the bytes
 * were checked when they were loaded or first fetched. The trie then skips its own keccak, which on a
 * stateless block execution is most of the hashing, and the provider carries the responsibility: a wrong
 * answer from it is no longer caught by the trie, and surfaces at best as a wrong state root.
 */
@FunctionalInterface
public interface TrieProvider {
  /** A provider that has no nodes: walking into any blinded node fails with {@code MISSING_NODE}. */
  TrieProvider NONE = hash -> null;

  /** The RLP encoding of the node whose keccak256 is {@code hash}, or null if it is not available. */
  byte[] trieNodePreimage(Bytes32 hash);

  /**
   * Whether every non-null answer of this provider is already known to hash to the hash asked for, so a
   * reader need not hash it again. False unless a provider is built to say so (see {@link #verified}):
   * a provider that has not checked its bytes must leave the check to the reader.
   */
  default boolean answersVerified() {
    return false;
  }

  /**
   * {@code checked} declared as verified: its answers will not be hashed again by the trie. Use it only over
   * bytes that were hash-checked against their keys when loaded (a preimage store read with verification, a
   * cache that checks each key once); on anything else a corrupt node goes unnoticed.
   */
  static TrieProvider verified(TrieProvider checked) {
    return new TrieProvider() {
      @Override
      public byte[] trieNodePreimage(Bytes32 hash) {
        return checked.trieNodePreimage(hash);
      }

      @Override
      public boolean answersVerified() {
        return true;
      }
    };
  }

  /** A provider over a map from node hash to node RLP (the map is read, not copied). */
  static TrieProvider of(Map<Bytes32, byte[]> nodes) {
    return nodes::get;
  }
}
