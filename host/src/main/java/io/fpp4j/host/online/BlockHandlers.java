package io.fpp4j.host.online;

import io.fpp4j.host.serve.Hint;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Block header, transactions and receipts hints of one chain. L1 hints carry a bare 32-byte block hash; L2
 * hints may append a u64 chain id (40 bytes), which must be the L2 node's.
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
  private final boolean chainIdSuffix;

  /** @param chainIdSuffix whether hints may carry a chain id after the hash (L2) */
  BlockHandlers(EthSource source, boolean chainIdSuffix) {
    this.source = source;
    this.chainIdSuffix = chainIdSuffix;
  }

  HintHandler header() {
    return (hint, store) -> storeHeader(blockHash(hint), store);
  }

  HintHandler transactions() {
    return (hint, store) -> storeTransactions(blockHash(hint), store);
  }

  /** op-program's L2 block hints: header and transactions from one call. */
  HintHandler headerAndTransactions() {
    return (hint, store) -> {
      Bytes32 hash = blockHash(hint);
      EthSource.Block block = source.block(hash);
      putHeader(store, block.header());
      putTransactions(store, block);
    };
  }

  HintHandler receipts() {
    return (hint, store) -> storeReceipts(blockHash(hint), store);
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

  /** The block hash of a 32-byte hint, or of a 40-byte {@code hash ‖ chainId} L2 hint after checking the chain. */
  Bytes32 blockHash(Hint hint) throws RpcException {
    if (chainIdSuffix) {
      HintData.requireLength(hint, 32, 40);
      if (hint.data().length == 40) ChainCheck.require(source, HintData.u64(hint, 32), hint);
    } else {
      HintData.requireLength(hint, 32);
    }
    return HintData.bytes32(hint, 0);
  }

  /** Checks hint chain ids against the node's {@code eth_chainId}. */
  static final class ChainCheck {
    private ChainCheck() {}

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
