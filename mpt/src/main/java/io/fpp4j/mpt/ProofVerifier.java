package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks Merkle proofs: lists of trie nodes (as in {@code eth_getProof}) that lead from a root to a key.
 * A proof is valid if every node the walk needs is in it (by hash) and the walk ends; it then proves
 * the value at the key, or that the key is absent. Nodes the walk does not need are ignored.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * The value at {@code key} proven by {@code proof} under {@code root}, or null if the proof shows the
   * key is absent.
   *
   * @throws TrieException if the proof lacks a node on the path ({@code MISSING_NODE}) or holds an
   *     invalid node
   */
  public static Bytes verify(Bytes32 root, byte[] key, List<byte[]> proof) {
    Map<Bytes32, byte[]> byHash = new HashMap<>();
    for (byte[] node : proof) byHash.put(Bytes32.wrap(Hashing.keccak256(node)), node);
    Trie trie = Trie.open(root, hash -> {
      byte[] n = byHash.get(hash);
      if (n == null) {
        throw new TrieException(TrieException.Reason.MISSING_NODE,
            "proof for key under root " + root + " lacks node " + hash + " on the key's path");
      }
      return n;
    }, TrieHinter.NOOP);
    return trie.get(key);
  }
}
