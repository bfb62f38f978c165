package io.fpp4j.executor;

import io.fpp4j.evm.state.StateSource;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Bytes32;

/**
 * Everything the executor reads by hash: trie nodes and code (as {@link StateSource}) and ancestor headers
 * for BLOCKHASH. On a fault-proof client all three are keccak preimage-oracle reads. Headers, like nodes and
 * code, are checked against their hash unless the source {@linkplain #answersVerified() declares its answers
 * verified}.
 */
public interface ChainSource extends StateSource {
  /** The RLP of the header whose hash is {@code blockHash}, or null. */
  byte[] header(Bytes32 blockHash);

  /**
   * A source answering all three from one keccak-preimage lookup: {@link StateSource}'s, plus headers; its
   * answers count as verified exactly when {@code preimages}' do.
   */
  static ChainSource ofPreimages(TrieProvider preimages) {
    final class Preimages extends StateSource.Preimages implements ChainSource {
      Preimages() {
        super(preimages);
      }

      @Override
      public byte[] header(Bytes32 blockHash) {
        return preimage(blockHash);
      }
    }
    return new Preimages();
  }
}
