package io.fpp4j.proof.boot;

import io.fpp4j.primitives.Bytes32;
import java.util.Objects;
import java.util.Optional;

/**
 * What a single-chain program starts from: the five on-chain local inputs and the configs of its chain.
 * {@code chainId} is as served on local key 5: for op-program it is {@link LocalKeys#CUSTOM_CHAIN_ID} for a
 * custom chain, for Kona it may be 0 when the host was given a rollup config file.
 */
public record BootInfo(
    Bytes32 l1Head,
    Bytes32 agreedL2OutputRoot,
    Bytes32 claimedL2OutputRoot,
    long claimedL2BlockNumber,
    long chainId,
    RollupConfig rollupConfig,
    Optional<ChainConfig> l1Config,
    Optional<ChainConfig> l2ChainConfig) {

  public BootInfo {
    Objects.requireNonNull(l1Head, "l1Head");
    Objects.requireNonNull(agreedL2OutputRoot, "agreedL2OutputRoot");
    Objects.requireNonNull(claimedL2OutputRoot, "claimedL2OutputRoot");
    Objects.requireNonNull(rollupConfig, "rollupConfig");
    Objects.requireNonNull(l1Config, "l1Config");
    Objects.requireNonNull(l2ChainConfig, "l2ChainConfig");
  }

  /** op-program's "custom chain" marker on local key 5. */
  public boolean isCustomChain() {
    return chainId == LocalKeys.CUSTOM_CHAIN_ID;
  }
}
