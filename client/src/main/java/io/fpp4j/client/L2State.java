package io.fpp4j.client;

import io.fpp4j.executor.ChainSource;
import io.fpp4j.mpt.Trie;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.proof.l2.L2ChainProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * The L2 chain as the program sees it: what the oracle serves, plus what the program built itself (the trie nodes
 * and headers of the blocks it derived), which no oracle holds. Kona and op-program keep the same in their
 * in-memory trie databases.
 */
final class L2State {
  private final L2ChainProvider provider;
  private final Map<Bytes32, byte[]> built = new HashMap<>();

  L2State(L2ChainProvider provider) {
    this.provider = provider;
  }

  /** Records a derived block: its post-state nodes go in through {@link #nodeSink()}, its header here. */
  void addHeader(Header header) {
    built.put(header.hash(), header.encode());
  }

  java.util.function.BiConsumer<Bytes32, byte[]> nodeSink() {
    return built::put;
  }

  /** What the executor reads while building the block after {@code parent}. */
  ChainSource sourceFor(Header parent) {
    return new ChainSource() {
      @Override
      public byte[] trieNodePreimage(Bytes32 hash) {
        byte[] mine = built.get(hash);
        return mine != null ? mine : provider.stateNode(parent, hash);
      }

      @Override
      public byte[] code(Bytes32 codeHash) {
        byte[] mine = built.get(codeHash);
        return mine != null ? mine : provider.codeByHash(codeHash);
      }

      @Override
      public byte[] header(Bytes32 blockHash) {
        byte[] mine = built.get(blockHash);
        return mine != null ? mine : provider.headerByHash(blockHash).encode();
      }
    };
  }

  TrieHinter hintsFor(Header parent) {
    return provider.stateHints(parent);
  }

  /**
   * The version-0 output root of a block: from Isthmus the message passer's storage root is the header's
   * withdrawals root; before, it is read from the block's state.
   */
  Bytes32 outputRoot(Header block, boolean isthmus) {
    Bytes32 passerRoot;
    if (isthmus && block.withdrawalsRoot() != null) {
      passerRoot = block.withdrawalsRoot();
    } else {
      Trie state = Trie.open(block.stateRoot(), hash -> sourceFor(block).trieNodePreimage(hash), TrieHinter.NOOP);
      Bytes rlp = state.get(Hashing.keccak256(OutputRoot.MESSAGE_PASSER.toArray()));
      passerRoot = rlp == null ? Hashes.EMPTY_TRIE_ROOT : Account.decode(rlp.toArray()).storageRoot();
    }
    return new OutputRoot(block.stateRoot(), passerRoot, block.hash()).hash();
  }
}
