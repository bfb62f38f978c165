package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The batch queue's rules for a singular batch (derivation spec, "Batch Queue"; Fjord's sequencer drift; Holocene's
 * batch stage). Given the L2 safe head, the L1 blocks from the safe head's epoch on (as far as derivation has read
 * them) and the L1 block that included the batch, a batch is:
 *
 * <ul>
 *   <li>future if its time is after the next block's (Holocene: dropped), past if before (Holocene: {@link
 *       BatchValidity#PAST}, else dropped);
 *   <li>dropped if: its parent is not the safe head; it was included after its epoch's sequencing window; its epoch is
 *       older than the safe head's, or more than one newer, or its hash is not that L1 block's; its time is before its
 *       epoch's; it is past the sequencer drift (Fjord: a fixed 1,800 s) and carries transactions, or is empty but
 *       should have moved to the next epoch; a transaction is empty or a deposit, or (before Isthmus) an EIP-7702 one;
 *       it is for Jovian's activation block and carries any transaction (jovian/derivation.md);
 *   <li>undecided while the next epoch's L1 block, needed to judge it, is not read yet.
 * </ul>
 */
public final class BatchValidator {
  /** Fjord's protocol constant for the sequencer drift. */
  public static final long FJORD_MAX_SEQUENCER_DRIFT = 1800;

  private final RollupConfig config;
  private final Consumer<String> log;

  public BatchValidator(RollupConfig config, Consumer<String> log) {
    this.config = Objects.requireNonNull(config, "config");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** An L1 block as the validator needs it. */
  public record L1Ref(long number, io.fpp4j.primitives.Bytes32 hash, long timestamp) {}

  /** The sequencer drift for an L1 origin with this time. */
  public long maxSequencerDrift(long originTime) {
    return config.isActive(Hardfork.FJORD, originTime) ? FJORD_MAX_SEQUENCER_DRIFT : config.maxSequencerDrift();
  }

  /**
   * @param l1Blocks the safe head's epoch and the L1 blocks after it that derivation has read, in order
   * @param inclusion the L1 block in which the batch's last frame was included
   */
  public BatchValidity check(L2BlockRef safeHead, List<L1Ref> l1Blocks, L1Ref inclusion, SingularBatch batch) {
    if (l1Blocks.isEmpty()) throw new IllegalArgumentException("l1Blocks must start with the safe head's epoch");
    L1Ref epoch = l1Blocks.get(0);
    boolean holocene = config.isActive(Hardfork.HOLOCENE, inclusion.timestamp());
    long next = safeHead.timestamp() + config.blockTime();
    if (Long.compareUnsigned(batch.timestamp(), next) > 0) {
      if (holocene) return drop("batch time " + batch.timestamp() + " is after the next block's " + next + " (Holocene)");
      return BatchValidity.FUTURE;
    }
    if (Long.compareUnsigned(batch.timestamp(), next) < 0) {
      if (holocene) {
        log.accept("batch time " + batch.timestamp() + " is before the next block's " + next + ": past");
        return BatchValidity.PAST;
      }
      return drop("batch time " + batch.timestamp() + " is before the next block's " + next);
    }
    if (!batch.parentHash().equals(safeHead.hash())) {
      return drop("batch parent " + batch.parentHash() + " is not the safe head " + safeHead.hash());
    }
    if (batch.epochNumber() + config.seqWindowSize() < inclusion.number()) {
      return drop("batch of epoch " + batch.epochNumber() + " included in L1 block " + inclusion.number()
          + ", after its sequencing window of " + config.seqWindowSize());
    }
    L1Ref origin;
    if (batch.epochNumber() < epoch.number()) {
      return drop("batch epoch " + batch.epochNumber() + " is older than the safe head's " + epoch.number());
    } else if (batch.epochNumber() == epoch.number()) {
      origin = epoch;
    } else if (batch.epochNumber() == epoch.number() + 1) {
      if (l1Blocks.size() < 2) return undecided("the next epoch's L1 block is not read yet");
      origin = l1Blocks.get(1);
    } else {
      return drop("batch epoch " + batch.epochNumber() + " skips past the next epoch " + (epoch.number() + 1));
    }
    if (!batch.epochHash().equals(origin.hash())) {
      return drop("batch epoch hash " + batch.epochHash() + " is not L1 block " + origin.number() + "'s " + origin.hash());
    }
    if (Long.compareUnsigned(batch.timestamp(), origin.timestamp()) < 0) {
      return drop("batch time " + batch.timestamp() + " is before its L1 origin's " + origin.timestamp());
    }
    long maxDrift = maxSequencerDrift(origin.timestamp());
    if (Long.compareUnsigned(batch.timestamp(), origin.timestamp() + maxDrift) > 0) {
      if (!batch.transactions().isEmpty()) {
        return drop("batch time " + batch.timestamp() + " exceeds the sequencer drift " + maxDrift + " of its origin and it has transactions");
      }
      if (origin.number() == epoch.number()) {
        if (l1Blocks.size() < 2) return undecided("an empty batch past the drift needs the next L1 block to judge it");
        if (Long.compareUnsigned(batch.timestamp(), l1Blocks.get(1).timestamp()) >= 0) {
          return drop("empty batch past the sequencer drift should have adopted the next L1 origin");
        }
      }
    }
    if (!batch.transactions().isEmpty() && UpgradeTransactions.isActivationBlock(config, Hardfork.JOVIAN, batch.timestamp())) {
      return drop("the batch for Jovian's activation block carries " + batch.transactions().size() + " transactions");
    }
    for (int i = 0; i < batch.transactions().size(); i++) {
      Bytes tx = batch.transactions().get(i);
      if (tx.isEmpty()) return drop("transaction " + i + " of the batch is empty");
      int type = tx.get(0) & 0xff;
      if (type == 0x7e) return drop("transaction " + i + " of the batch is a deposit");
      if (type == 0x04 && !config.isIsthmusActive(batch.timestamp())) {
        return drop("transaction " + i + " is an EIP-7702 transaction before Isthmus");
      }
    }
    return BatchValidity.ACCEPT;
  }

  private BatchValidity drop(String reason) {
    log.accept("dropping batch: " + reason);
    return BatchValidity.DROP;
  }

  private BatchValidity undecided(String reason) {
    log.accept("batch undecided: " + reason);
    return BatchValidity.UNDECIDED;
  }

  /**
   * The empty batch derivation makes when the sequencing window has passed without a valid batch for the next block
   * (derivation spec: "the batch queue generates empty batches"): the next block, in the safe head's epoch unless its
   * time reaches the next L1 block's, which it then adopts.
   */
  public SingularBatch emptyBatch(L2BlockRef safeHead, L1Ref epoch, L1Ref nextEpoch) {
    long next = safeHead.timestamp() + config.blockTime();
    L1Ref origin = nextEpoch != null && Long.compareUnsigned(next, nextEpoch.timestamp()) >= 0 ? nextEpoch : epoch;
    return new SingularBatch(safeHead.hash(), origin.number(), origin.hash(), next, List.of());
  }

  /**
   * Holocene's deposit-only fallback: when a block's payload is invalid, it is replaced by its deposits alone (the
   * first transactions up to the first non-deposit).
   */
  public static PayloadAttributes depositsOnly(PayloadAttributes attrs) {
    List<Bytes> deposits = attrs.transactions().stream().takeWhile(t -> !t.isEmpty() && (t.get(0) & 0xff) == 0x7e).toList();
    return attrs.withTransactions(deposits);
  }
}
