package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an L2 block's payload attributes from its parent and L1 origin (derivation spec, "Payload Attributes
 * Derivation"): the L1-info deposit, then, in the first block of an epoch, the origin's user deposits (with the system
 * config first updated by the origin's logs), then the network-upgrade transactions of a fork activating in this block,
 * then the batch's transactions.
 */
public final class AttributesBuilder {
  private final RollupConfig config;
  private final long blobFraction;

  /** @param blobFraction the L1 chain's blob base fee update fraction (Cancun's 3,338,477; Prague's 5,007,716) */
  public AttributesBuilder(RollupConfig config, long blobFraction) {
    this.config = Objects.requireNonNull(config, "config");
    this.blobFraction = blobFraction;
  }

  /** The attributes and the system config after the origin's updates. */
  public record Built(PayloadAttributes attributes, SystemConfig systemConfig, long sequenceNumber) {}

  /**
   * The attributes of the block after {@code parent} with L1 origin {@code origin}.
   *
   * @param originReceipts the origin's receipts; read only when the origin starts a new epoch (else may be null)
   * @throws DerivationException if the origin is neither the parent's nor its successor, or is ahead of the block's time
   */
  public Built build(L2BlockRef parent, Header origin, Bytes32 originHash, SystemConfig sys, List<Receipt> originReceipts,
                     List<Bytes> batchTransactions) {
    long timestamp = parent.timestamp() + config.blockTime();
    List<DepositTransaction> deposits = List.of();
    long seq;
    SystemConfig current = sys;
    if (origin.number() == parent.l1OriginNumber()) {
      if (!originHash.equals(parent.l1OriginHash())) {
        throw new DerivationException("L1 origin " + originHash + " at " + origin.number() + " is not the parent's origin " + parent.l1OriginHash());
      }
      seq = parent.sequenceNumber() + 1;
    } else if (origin.number() == parent.l1OriginNumber() + 1) {
      if (!origin.parentHash().equals(parent.l1OriginHash())) {
        throw new DerivationException("L1 origin " + originHash + " does not follow the parent's origin " + parent.l1OriginHash());
      }
      Objects.requireNonNull(originReceipts, "originReceipts are needed for a new epoch");
      current = SystemConfigUpdates.apply(config, sys, originReceipts, origin.timestamp());
      deposits = UserDeposits.of(config.depositContractAddress(), originHash, originReceipts);
      seq = 0;
    } else {
      throw new DerivationException("L1 origin " + origin.number() + " is not the parent's origin " + parent.l1OriginNumber() + " or the next");
    }
    if (Long.compareUnsigned(origin.timestamp(), timestamp) > 0) {
      throw new DerivationException("L1 origin time " + origin.timestamp() + " is after the L2 block time " + timestamp);
    }
    List<Bytes> txs = new ArrayList<>();
    txs.add(Bytes.adopt(L1InfoDeposit.build(config, current, origin, originHash, seq, timestamp, blobFraction).encode2718()));
    for (DepositTransaction d : deposits) txs.add(Bytes.adopt(d.encode2718()));
    for (DepositTransaction u : UpgradeTransactions.forBlock(config, timestamp)) txs.add(Bytes.adopt(u.encode2718()));
    txs.addAll(batchTransactions);
    boolean ecotone = config.isEcotoneActive(timestamp);
    Bytes eip1559 = config.isActive(Hardfork.HOLOCENE, timestamp) ? PayloadAttributes.packEip1559Params(current.eip1559Params()) : null;
    PayloadAttributes attrs = new PayloadAttributes(timestamp, origin.mixHash(), PayloadAttributes.SEQUENCER_FEE_VAULT, txs,
        true, current.gasLimit(), config.isCanyonActive(timestamp), ecotone ? origin.parentBeaconBlockRoot() : null, eip1559,
        config.isActive(Hardfork.JOVIAN, timestamp) ? current.minBaseFee() : null);
    return new Built(attrs, current, seq);
  }
}
