package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.blob.Blob;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * L1 retrieval (derivation spec, "L1 Retrieval"; Ecotone's "Blob Retrieval"): the batcher transactions of an L1 block
 * are those sent to the batch inbox by the system config's batcher address. Before Ecotone (by the L1 block's time)
 * their calldata is the data; from Ecotone a blob transaction gives each of its blobs, decoded, and its calldata is
 * ignored, while other batcher transactions still give their calldata. A blob that does not decode is dropped.
 */
public final class L1Retrieval {
  private final RollupConfig config;
  private final L1ChainProvider l1;
  private final BlobProvider blobs;
  private final Consumer<String> dropLog;

  public L1Retrieval(RollupConfig config, L1ChainProvider l1, BlobProvider blobs, Consumer<String> dropLog) {
    this.config = Objects.requireNonNull(config, "config");
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.dropLog = Objects.requireNonNull(dropLog, "dropLog");
    if (config.batchInboxAddress() == null) throw new IllegalArgumentException("the rollup config has no batch_inbox_address");
  }

  /** The batcher data of {@code block}, in transaction and blob order. */
  public List<byte[]> dataOf(Header block, Bytes32 blockHash, Address batcher) {
    List<Transaction> txs = l1.transactionsByHash(blockHash);
    boolean ecotone = config.isEcotoneActive(block.timestamp());
    List<byte[]> out = new ArrayList<>();
    long blobIndex = 0; // the position of a blob among all of the block's blobs, for the legacy blob hint
    for (Transaction tx : txs) {
      int blobCount = tx instanceof BlobTransaction b ? b.blobVersionedHashes().size() : 0;
      if (!isBatcherTx(tx, batcher)) {
        blobIndex += blobCount;
        continue;
      }
      if (ecotone && tx instanceof BlobTransaction b) {
        for (Bytes32 hash : b.blobVersionedHashes()) {
          Blob blob = blobs.getBlob(hash, block.timestamp(), blobIndex++);
          try {
            out.add(BlobData.decode(blob.data().toArray()));
          } catch (DerivationException e) {
            dropLog.accept("blob " + hash + " in L1 block " + block.number() + ": " + e.getMessage());
          }
        }
      } else if (!(tx instanceof BlobTransaction)) {
        out.add(tx.input().toArray());
      }
    }
    return out;
  }

  /** To the batch inbox, and signed by {@code batcher}. */
  boolean isBatcherTx(Transaction tx, Address batcher) {
    if (!config.batchInboxAddress().equals(tx.to())) return false;
    Optional<Address> sender = TxSender.of(tx);
    return sender.isPresent() && sender.get().equals(batcher);
  }
}
