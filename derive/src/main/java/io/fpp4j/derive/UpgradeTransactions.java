package io.fpp4j.derive;

import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.List;

/**
 * The network-upgrade deposits of a block in which a fork activates (its timestamp at or after the activation time and
 * its parent's before). Not written yet for any fork: a chain whose forks all start at genesis (such as the devnet
 * fixture) never needs them, and any other chain is refused at its first activation block rather than derived wrong.
 */
public final class UpgradeTransactions {
  private UpgradeTransactions() {}

  /** The upgrade deposits for the L2 block at {@code l2Time}. */
  public static List<DepositTransaction> forBlock(RollupConfig config, long l2Time) {
    for (Hardfork fork : List.of(Hardfork.ECOTONE, Hardfork.FJORD, Hardfork.GRANITE, Hardfork.HOLOCENE, Hardfork.ISTHMUS,
        Hardfork.JOVIAN)) {
      if (isActivationBlock(config, fork, l2Time) && hasUpgradeTxs(fork)) {
        throw new UnsupportedOperationException("the " + fork + " network-upgrade transactions (L2 block at " + l2Time
            + ") are not implemented yet");
      }
    }
    return List.of();
  }

  /** Granite and Holocene deploy nothing; the others do. */
  static boolean hasUpgradeTxs(Hardfork fork) {
    return fork != Hardfork.GRANITE && fork != Hardfork.HOLOCENE;
  }

  /** The fork is active at {@code l2Time} and was not a block earlier; at genesis no block is an activation block. */
  public static boolean isActivationBlock(RollupConfig config, Hardfork fork, long l2Time) {
    return l2Time > config.genesis().l2Time() && config.isActive(fork, l2Time)
        && !config.isActive(fork, l2Time - config.blockTime());
  }
}
