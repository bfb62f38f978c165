package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.Hint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Block header, transactions and receipts hints of one chain. L1 hints carry a bare block hash; L2 hints may
 * carry a chain id too, which must be the L2 node's.
 *
 * <ul>
 *   <li>header: {@code eth_getBlockByHash(h, false)} → the header's RLP under {@code keccak(h)};
 *   <li>transactions: {@code eth_getBlockByHash(h, true)} → every node of the transaction trie, checked
 *       against the header's transactions root ({@code 0x80} under the empty root for no transactions);
 *   <li>receipts: {@code eth_getBlockReceipts(h)} → every node of the receipt trie, checked against the
 *       header's receipts root.
 * </ul>
 */
final class BlockHandlers {
  private final EthSource source;

  BlockHandlers(EthSource source) {
    this.source = source;
  }

  HintHandler<HashHint> header() {
    return (hint, store) -> storeHeader(hint.hash(), store);
  }

  HintHandler<HashHint> transactions() {
    return (hint, store) -> storeTransactions(hint.hash(), store);
  }

  HintHandler<HashHint> receipts() {
    return (hint, store) -> storeReceipts(hint.hash(), store);
  }

  HintHandler<ChainHashHint> l2Header() {
    return (hint, store) -> storeHeader(blockHash(hint), store);
  }

  HintHandler<ChainHashHint> l2Transactions() {
    return (hint, store) -> storeTransactions(blockHash(hint), store);
  }

  HintHandler<ChainHashHint> l2Receipts() {
    return (hint, store) -> storeReceipts(blockHash(hint), store);
  }

  /** op-program's L2 block hints: header and transactions from one call. */
  HintHandler<ChainHashHint> l2HeaderAndTransactions() {
    return (hint, store) -> {
      EthSource.Block block = source.block(blockHash(hint));
      putHeader(store, block.header());
      putTransactions(store, block);
    };
  }

  void storeHeader(Bytes32 hash, PreimageStore store) throws RpcException {
    putHeader(store, source.header(hash));
  }

  void storeTransactions(Bytes32 hash, PreimageStore store) throws RpcException {
    putTransactions(store, source.block(hash));
  }

  void storeReceipts(Bytes32 hash, PreimageStore store) throws RpcException {
    Header header = source.header(hash);
    List<Receipt> receipts = source.receipts(hash);
    List<byte[]> items = new ArrayList<>(receipts.size());
    for (Receipt r : receipts) items.add(r.encode2718());
    Preimages.putOrderedTrie(store, items, header.receiptsRoot(), "receipts of " + source.chain() + " block " + hash);
  }

  private static void putHeader(PreimageStore store, Header header) {
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, header.hash().toArray()), header.encode());
  }

  private void putTransactions(PreimageStore store, EthSource.Block block) throws RpcException {
    List<byte[]> items = new ArrayList<>(block.transactions().size());
    for (Transaction tx : block.transactions()) items.add(tx.encode2718());
    Preimages.putOrderedTrie(store, items, block.header().transactionsRoot(),
        "transactions of " + source.chain() + " block " + block.header().hash());
  }

  /** The block hash of an L2 hint, after checking the chain id it may carry against the node. */
  private Bytes32 blockHash(ChainHashHint hint) throws RpcException {
    ChainCheck.require(source, hint.chainId(), hint);
    return hint.hash();
  }

  /** Checks hint chain ids against the node's {@code eth_chainId}. */
  static final class ChainCheck {
    private ChainCheck() {}

    /** Checks the chain id of a hint that may carry one; a hint without one is for this node's chain. */
    static void require(EthSource source, OptionalLong chainId, Hint hint) throws RpcException {
      if (chainId.isPresent()) require(source, chainId.getAsLong(), hint);
    }

    static void require(EthSource source, long chainId, Hint hint) throws RpcException {
      long actual = source.chainId();
      if (actual != chainId) {
        throw new InvalidHintException("hint " + hint + " is for chain " + Long.toUnsignedString(chainId) + " but the "
            + source.chain() + " node " + source.rpc().endpoint() + " serves chain " + Long.toUnsignedString(actual)
            + "; this host serves a single chain");
      }
    }
  }
}
