package io.fpp4j.proof.boot;

import io.fpp4j.preimage.PreimageOracle;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.Dialect;
import java.util.Optional;

/**
 * Reads {@link BootInfo} from local keys in the order the peers read them (1, 2, 3, 4, 5, then configs),
 * so a host that logs requests sees the same sequence from a Java program as from kona-client or the
 * op-program client. Local keys are never hinted.
 *
 * <ul>
 *   <li>Kona: the rollup config comes from the registry by chain id, else from key 6; the L1 config from the
 *       registry by the rollup config's L1 chain id, else from key 7.
 *   <li>op-program: chain id {@code 0xFFFFFFFFFFFFFFFF} means custom: key 6 (L2 chain config), 7 (rollup
 *       config) and 9 (L1 chain config, whose chain id must match the rollup's). Any other chain id must be in
 *       the registry.
 * </ul>
 */
public final class BootInfoLoader {
  private final Dialect dialect;
  private final ConfigRegistry registry;

  public BootInfoLoader(Dialect dialect, ConfigRegistry registry) {
    this.dialect = dialect;
    this.registry = registry;
  }

  /**
   * @throws BootException if a value has the wrong size, a config is unknown or malformed
   * @throws PreimageOracleException if the host cannot serve a key
   */
  public BootInfo load(PreimageOracle oracle) {
    BootInputs boot = inputs(oracle);
    Bytes32 l1Head = boot.bytes32(LocalKeys.L1_HEAD);
    Bytes32 agreed = boot.bytes32(LocalKeys.L2_OUTPUT_ROOT);
    Bytes32 claimed = boot.bytes32(LocalKeys.L2_CLAIM);
    long number = boot.u64(LocalKeys.L2_CLAIM_BLOCK_NUMBER);
    long chainId = boot.u64(LocalKeys.L2_CHAIN_ID);
    return dialect == Dialect.KONA
        ? konaConfigs(boot, l1Head, agreed, claimed, number, chainId)
        : opProgramConfigs(boot, l1Head, agreed, claimed, number, chainId);
  }

  /** The boot keys with this dialect's meanings, for the errors. */
  private BootInputs inputs(PreimageOracle oracle) {
    BootInputs boot = BootInputs.of(oracle)
        .named(LocalKeys.L1_HEAD, "L1 head")
        .named(LocalKeys.L2_OUTPUT_ROOT, "agreed L2 output root")
        .named(LocalKeys.L2_CLAIM, "claimed L2 output root")
        .named(LocalKeys.L2_CLAIM_BLOCK_NUMBER, "claimed L2 block number")
        .named(LocalKeys.L2_CHAIN_ID, "L2 chain id");
    return dialect == Dialect.KONA
        ? boot.named(LocalKeys.Kona.ROLLUP_CONFIG, "rollup config").named(LocalKeys.Kona.L1_CONFIG, "L1 config")
        : boot.named(LocalKeys.OpProgram.L2_CHAIN_CONFIG, "L2 chain config")
            .named(LocalKeys.OpProgram.ROLLUP_CONFIG, "rollup config")
            .named(LocalKeys.OpProgram.L1_CHAIN_CONFIG, "L1 chain config");
  }

  private BootInfo konaConfigs(BootInputs boot, Bytes32 l1Head, Bytes32 agreed, Bytes32 claimed, long number,
                               long chainId) {
    RollupConfig rollup = registry.rollupConfig(chainId).orElseGet(() -> boot.parse(
        LocalKeys.Kona.ROLLUP_CONFIG, RollupConfig::parse));
    ChainConfig l1 = registry.l1Config(rollup.l1ChainId()).orElseGet(() -> chainConfig(boot, LocalKeys.Kona.L1_CONFIG));
    return new BootInfo(l1Head, agreed, claimed, number, chainId, rollup, Optional.of(l1), Optional.empty());
  }

  private BootInfo opProgramConfigs(BootInputs boot, Bytes32 l1Head, Bytes32 agreed, Bytes32 claimed, long number,
                                    long chainId) {
    if (chainId == LocalKeys.CUSTOM_CHAIN_ID) {
      ChainConfig l2 = chainConfig(boot, LocalKeys.OpProgram.L2_CHAIN_CONFIG);
      RollupConfig rollup = boot.parse(LocalKeys.OpProgram.ROLLUP_CONFIG, RollupConfig::parse);
      ChainConfig l1 = chainConfig(boot, LocalKeys.OpProgram.L1_CHAIN_CONFIG);
      if (l1.chainId() != rollup.l1ChainId()) {
        throw new BootException(boot.describe(LocalKeys.OpProgram.L1_CHAIN_CONFIG) + " is for chain "
            + Long.toUnsignedString(l1.chainId()) + " but the rollup config's l1_chain_id is "
            + Long.toUnsignedString(rollup.l1ChainId()));
      }
      if (l2.chainId() != rollup.l2ChainId()) {
        throw new BootException(boot.describe(LocalKeys.OpProgram.L2_CHAIN_CONFIG) + " is for chain "
            + Long.toUnsignedString(l2.chainId()) + " but the rollup config's l2_chain_id is "
            + Long.toUnsignedString(rollup.l2ChainId()));
      }
      return new BootInfo(l1Head, agreed, claimed, number, chainId, rollup, Optional.of(l1), Optional.of(l2));
    }
    RollupConfig rollup = registry.rollupConfig(chainId).orElseThrow(() -> new BootException(
        "no rollup config known for L2 chain id " + Long.toUnsignedString(chainId)
            + " (op-program hosts send 0xffffffffffffffff on local key 5 for a custom chain)"));
    ChainConfig l1 = registry.l1Config(rollup.l1ChainId()).orElseThrow(() -> new BootException(
        "no L1 chain config known for L1 chain id " + Long.toUnsignedString(rollup.l1ChainId())));
    return new BootInfo(l1Head, agreed, claimed, number, chainId, rollup, Optional.of(l1),
        registry.l2ChainConfig(chainId));
  }

  /** ChainConfig names its input in its own messages, so it gets the key's description rather than a prefix. */
  private static ChainConfig chainConfig(BootInputs boot, long index) {
    return ChainConfig.parse(boot.bytes(index), boot.describe(index));
  }
}
