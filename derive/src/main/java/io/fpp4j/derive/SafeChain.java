package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * The L2 chain at or before the safe head, as far as the batch queue reads it: only to judge a span batch that
 * overlaps the safe chain (span-batches spec, "Batch Queue"), whose parent check is against the block just before the
 * span's first block, and whose overlapped blocks must match the chain's own. A program answers from its agreed
 * blocks (through the oracle) and from the blocks it derived itself.
 */
public interface SafeChain {
  /**
   * The block at {@code number}, which the pipeline asks for only at or before its safe head and after the L2
   * genesis. A block that cannot be read is a failure of the data, not a verdict on the batch: it is thrown.
   */
  Block block(long number);

  /**
   * What the overlap checks need of one L2 block: its reference (hash and L1 origin) and its user transactions, the
   * EIP-2718 encodings of the block's transactions that are not deposits, in block order.
   */
  record Block(L2BlockRef ref, List<Bytes> userTransactions) {
    public Block {
      Objects.requireNonNull(ref, "ref");
      userTransactions = List.copyOf(userTransactions);
    }
  }
}
