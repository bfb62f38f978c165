package io.fpp4j.evm.state;

import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Bytes32;

/**
 * Where a stateless state gets its data by hash: trie nodes (state and storage tries) and contract code.
 * On a fault-proof client both are keccak preimage-oracle reads, so one lookup often serves both; they are
 * separate methods because a host hints them differently. A null result means the data is not available.
 *
 * <p>Readers check that code hashes to its code hash, as the trie checks nodes, unless the source
 * {@linkplain #answersVerified() declares its answers verified}; that declaration covers code as well as nodes.
 */
public interface StateSource extends TrieProvider {
  /** The contract code whose keccak256 is {@code codeHash}, or null. */
  byte[] code(Bytes32 codeHash);

  /**
   * A source that serves nodes and code from one keccak preimage lookup; its answers count as verified
   * exactly when {@code preimages}' do.
   */
  static StateSource ofPreimages(TrieProvider preimages) {
    boolean verified = preimages.answersVerified();
    return new StateSource() {
      @Override
      public boolean answersVerified() {
        return verified;
      }

      @Override
      public byte[] trieNodePreimage(Bytes32 hash) {
        return preimages.trieNodePreimage(hash);
      }

      @Override
      public byte[] code(Bytes32 codeHash) {
        return preimages.trieNodePreimage(codeHash);
      }
    };
  }
}
