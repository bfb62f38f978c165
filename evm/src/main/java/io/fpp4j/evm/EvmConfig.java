package io.fpp4j.evm;

import io.fpp4j.precompiles.PrecompileSet;
import java.util.Objects;

/**
 * What varies between chains and forks without changing the interpreter: the fork's rules, the chain id,
 * the precompile table (an OP executor passes its own per-fork set, with P256VERIFY and its input caps) and
 * the blob schedule (EIP-7840: per fork, in the chain's configuration).
 */
public record EvmConfig(SpecId spec, long chainId, PrecompileSet precompiles, BlobSchedule blobSchedule) {
  public EvmConfig {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(precompiles, "precompiles");
    Objects.requireNonNull(blobSchedule, "blobSchedule");
  }

  /** A config with Ethereum's blob schedule for {@code spec}. */
  public EvmConfig(SpecId spec, long chainId, PrecompileSet precompiles) {
    this(spec, chainId, precompiles, BlobSchedule.of(spec));
  }
}
