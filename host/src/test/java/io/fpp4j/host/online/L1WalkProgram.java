package io.fpp4j.host.online;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.mpt.OrderedListWalker;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client program that walks L1 through the oracle, as the op-program and Kona clients do: from the L1
 * head (local key 1) back through parent hashes for N blocks (local key 4, u64), it hints
 * {@code l1-block-header}, {@code l1-transactions} and {@code l1-receipts} for each block, reads the header
 * by its hash and both ordered lists by walking their tries node by node, and holds the claim (local key
 * 3) valid iff it equals the {@link L1Digest} of what it read.
 */
public class L1WalkProgram implements FaultProofProgram {
  @Override
  public boolean run(OracleClient oracle) {
    byte[] hash = oracle.get(PreimageKey.local(1));
    long depth = ByteBuffer.wrap(oracle.get(PreimageKey.local(4))).getLong();
    byte[] claim = oracle.get(PreimageKey.local(3));
    TrieProvider nodes = h -> oracle.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, h.toArray()));
    L1Digest digest = new L1Digest();
    for (long i = 0; i < depth; i++) {
      String hex = Hex.prefixed(hash);
      oracle.hint("l1-block-header " + hex);
      Header header = Header.decode(oracle.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, hash)));
      oracle.hint("l1-transactions " + hex);
      List<byte[]> txs = OrderedListWalker.walkBytes(header.transactionsRoot(), nodes);
      oracle.hint("l1-receipts " + hex);
      List<byte[]> receipts = OrderedListWalker.walkBytes(header.receiptsRoot(), nodes);
      if (receipts.size() != txs.size()) {
        throw new IllegalStateException("block " + hex + " has " + txs.size() + " transactions but " + receipts.size() + " receipts");
      }
      digest.block(hash, txs.size());
      for (int t = 0; t < txs.size(); t++) {
        Transaction tx = Transactions.decode2718(txs.get(t));
        Receipt r = Receipt.decode2718(receipts.get(t));
        List<L1Digest.LogEntry> logs = new ArrayList<>();
        for (Log l : r.logs()) {
          logs.add(new L1Digest.LogEntry(l.address().toArray(), l.topics().stream().map(Bytes32::toArray).toList(), l.data().toArray()));
        }
        digest.tx(tx.hash().toArray(), r.success(), r.cumulativeGasUsed(), logs);
      }
      if (header.number() == 0) break;
      hash = header.parentHash().toArray();
    }
    return Arrays.equals(claim, digest.digest());
  }

  public static void main(String[] args) {
    ProgramEntry.main(new L1WalkProgram());
  }
}
