package io.fpp4j.evm.state;

import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Bytes32;
import java.util.Objects;

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
    return new Preimages(preimages);
  }

  /**
   * Nodes and code from one keccak preimage lookup. Open so that a source with further reads by hash (the
   * executor's headers) can extend it and answer those from {@link #preimage} too.
   */
  class Preimages implements StateSource {
    private final TrieProvider preimages;

    public Preimages(TrieProvider preimages) {
      this.preimages = Objects.requireNonNull(preimages, "preimages");
    }

    /** Verified exactly when the wrapped provider's answers are. */
    @Override
    public boolean answersVerified() {
      return preimages.answersVerified();
    }

    /** The keccak preimage of {@code hash}, or null. */
    protected final byte[] preimage(Bytes32 hash) {
      return preimages.trieNodePreimage(hash);
    }

    @Override
    public byte[] trieNodePreimage(Bytes32 hash) {
      return preimage(hash);
    }

    @Override
    public byte[] code(Bytes32 codeHash) {
      return preimage(codeHash);
    }
  }
}
