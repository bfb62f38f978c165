package io.fpp4j.mpt;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;

/**
 * Tells the host what data a trie walk is about to need, before it is requested, so the host can fetch
 * it (kona's {@code TrieHinter}). Every method defaults to doing nothing.
 *
 * <ul>
 *   <li>{@link #hintTrieNode}: a delete left a branch with a single child that is only known by hash;
 *       collapsing the branch needs that node, which no account or storage proof contains
 *       ({@code l2-state-node}).
 *   <li>{@link #hintAccountProof}: an account is about to be read at a block ({@code l2-account-proof}).
 *   <li>{@link #hintStorageProof}: a storage slot is about to be read ({@code l2-account-storage-proof}).
 *   <li>{@link #hintExecutionWitness}: a whole block is about to be executed on top of its parent
 *       ({@code l2-payload-witness}); {@code payloadAttributesJson} is the JSON the hint carries.
 * </ul>
 */
public interface TrieHinter {
  TrieHinter NOOP = new TrieHinter() {};

  default void hintTrieNode(Bytes32 nodeHash) {}

  default void hintAccountProof(Address address, long blockNumber) {}

  default void hintStorageProof(Address address, Bytes32 slot, long blockNumber) {}

  default void hintExecutionWitness(Bytes32 parentHash, byte[] payloadAttributesJson) {}
}
