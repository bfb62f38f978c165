package io.fpp4j.executor;

import io.fpp4j.evm.SpecId;
import io.fpp4j.precompiles.PrecompileFork;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;

/**
 * The OP Stack upgrades active for one L2 block, chosen by its timestamp from the rollup config's
 * activation times, and what they mean for the EVM: Bedrock runs London and the merge, Canyon Shanghai,
 * Ecotone Cancun, Isthmus Prague.
 */
public record OpForkRules(boolean regolith, boolean canyon, boolean ecotone, boolean fjord, boolean granite,
    boolean holocene, boolean isthmus, boolean jovian) {

  /**
   * A later upgrade implies every earlier one, as in op-node and Kona: a config may leave out the times of
   * upgrades active from genesis (OP Sepolia's has no {@code regolith_time}).
   */
  public static OpForkRules at(RollupConfig config, long timestamp) {
    Hardfork[] order = {Hardfork.REGOLITH, Hardfork.CANYON, Hardfork.DELTA, Hardfork.ECOTONE, Hardfork.FJORD,
        Hardfork.GRANITE, Hardfork.HOLOCENE, Hardfork.ISTHMUS, Hardfork.JOVIAN};
    boolean[] on = new boolean[order.length];
    for (int i = order.length - 1; i >= 0; i--) {
      on[i] = config.isActive(order[i], timestamp) || (i + 1 < order.length && on[i + 1]);
    }
    return new OpForkRules(on[0], on[1], on[3], on[4], on[5], on[6], on[7], on[8]);
  }

  /** Whether {@code fork} (or a later upgrade) is active at {@code timestamp}. */
  public static boolean isActive(RollupConfig config, Hardfork fork, long timestamp) {
    OpForkRules r = at(config, timestamp);
    return switch (fork) {
      case REGOLITH -> r.regolith;
      case CANYON, DELTA -> r.canyon || config.isActive(fork, timestamp);
      case ECOTONE -> r.ecotone;
      case FJORD -> r.fjord;
      case GRANITE -> r.granite;
      case HOLOCENE -> r.holocene;
      case ISTHMUS -> r.isthmus;
      case JOVIAN -> r.jovian;
      default -> config.isActive(fork, timestamp);
    };
  }

  /** The Ethereum fork whose EVM rules apply. */
  public SpecId spec() {
    if (isthmus) return SpecId.PRAGUE;
    if (ecotone) return SpecId.CANCUN;
    if (canyon) return SpecId.SHANGHAI;
    return SpecId.MERGE;
  }

  /** The precompile table: Ecotone adds the KZG point evaluation, Fjord P256VERIFY, Granite caps bn254 pairing input. */
  public PrecompileFork precompiles() {
    if (jovian) return PrecompileFork.OP_JOVIAN;
    if (isthmus) return PrecompileFork.OP_ISTHMUS;
    if (granite) return PrecompileFork.OP_GRANITE;
    if (fjord) return PrecompileFork.OP_FJORD;
    if (ecotone) return PrecompileFork.OP_ECOTONE;
    return PrecompileFork.OP_BEDROCK;
  }

  @Override
  public String toString() {
    String[] names = {"regolith", "canyon", "ecotone", "fjord", "granite", "holocene", "isthmus", "jovian"};
    boolean[] on = {regolith, canyon, ecotone, fjord, granite, holocene, isthmus, jovian};
    String last = "bedrock";
    for (int i = 0; i < on.length; i++) if (on[i]) last = names[i];
    return last;
  }
}
