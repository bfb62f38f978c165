package io.fpp4j.proof.l1;

import io.fpp4j.mpt.OrderedListWalker;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.chain.BlockInfo;
import io.fpp4j.proof.chain.BlockNumberPastHeadException;
import io.fpp4j.proof.chain.OracleReads;
import io.fpp4j.proof.hint.HashHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * L1 chain data through the oracle (kona-proof {@code OracleL1ChainProvider}, op-program's L1 oracle).
 * Every read is preceded by its hint; both peers use the same L1 hints.
 *
 * <ul>
 *   <li>{@link #headerByHash}: {@code l1-block-header h}, then the keccak preimage of {@code h};
 *   <li>{@link #transactionsByHash}: the header, then {@code l1-transactions h} and the transactions trie;
 *   <li>{@link #receiptsByHash}: the header, then {@code l1-receipts h} and the receipts trie (Kona's order);
 *   <li>{@link #blockWithReceipts}: header, transactions, receipts (op-program's order);
 *   <li>{@link #blockInfoByNumber}: the head's header, then parents one at a time down to the number.
 * </ul>
 */
public final class L1ChainProvider {
  private final OracleClient oracle;
  private final Bytes32 l1Head;
  private final TrieProvider nodes;

  public L1ChainProvider(OracleClient oracle, Bytes32 l1Head) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.l1Head = Objects.requireNonNull(l1Head, "l1Head");
    this.nodes = OracleReads.trieNodes(oracle);
  }

  /** A block with its transactions and receipts. */
  public record BlockWithReceipts(Header header, List<Transaction> transactions, List<Receipt> receipts) {}

  public Bytes32 l1Head() {
    return l1Head;
  }

  /** @throws ProviderException if the preimage does not hash to {@code hash} or is not a header */
  public Header headerByHash(Bytes32 hash) {
    HashHint.l1BlockHeader(hash).sendTo(oracle);
    return OracleReads.header(oracle, hash, "L1");
  }

  /**
   * The block at {@code number}, found by walking parent hashes back from the L1 head.
   *
   * @throws BlockNumberPastHeadException if {@code number} is above the head
   */
  public BlockInfo blockInfoByNumber(long number) {
    return BlockInfo.of(headerByNumber(number));
  }

  /** The header at {@code number}, walking back from the L1 head. */
  public Header headerByNumber(long number) {
    Header header = headerByHash(l1Head);
    if (Long.compareUnsigned(number, header.number()) > 0) throw new BlockNumberPastHeadException(number, header.number());
    while (header.number() != number) {
      Bytes32 parent = header.parentHash();
      Header next = headerByHash(parent);
      if (next.number() != header.number() - 1) {
        throw new ProviderException("L1 header " + parent + " has number " + Long.toUnsignedString(next.number())
            + " but is the parent of block " + Long.toUnsignedString(header.number()));
      }
      header = next;
    }
    return header;
  }

  public List<Transaction> transactionsByHash(Bytes32 hash) {
    return transactions(headerByHash(hash), hash);
  }

  public List<Receipt> receiptsByHash(Bytes32 hash) {
    return receipts(headerByHash(hash), hash);
  }

  public BlockWithReceipts blockWithReceipts(Bytes32 hash) {
    Header header = headerByHash(hash);
    return new BlockWithReceipts(header, transactions(header, hash), receipts(header, hash));
  }

  private List<Transaction> transactions(Header header, Bytes32 hash) {
    HashHint.l1Transactions(hash).sendTo(oracle);
    List<Bytes> raw = OracleReads.walk("the transactions of L1 block " + hash,
        () -> OrderedListWalker.walk(header.transactionsRoot(), nodes));
    List<Transaction> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(Transactions.decode2718(raw.get(i).toArray()));
      } catch (IllegalArgumentException e) { // RlpException and invalid field values
        throw new ProviderException("transaction " + i + " of L1 block " + hash + " does not decode: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private List<Receipt> receipts(Header header, Bytes32 hash) {
    HashHint.l1Receipts(hash).sendTo(oracle);
    List<Bytes> raw = OracleReads.walk("the receipts of L1 block " + hash,
        () -> OrderedListWalker.walk(header.receiptsRoot(), nodes));
    List<Receipt> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(Receipt.decode2718(raw.get(i).toArray()));
      } catch (IllegalArgumentException e) { // RlpException and invalid field values
        throw new ProviderException("receipt " + i + " of L1 block " + hash + " does not decode: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
