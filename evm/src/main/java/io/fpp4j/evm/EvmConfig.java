package io.fpp4j.evm;

import io.fpp4j.precompiles.PrecompileSet;
import java.util.Objects;

/**
 * What varies between chains and forks without changing the interpreter: the fork's rules, the chain id
 * and the precompile table (an OP executor passes its own per-fork set, with P256VERIFY and its input caps).
 */
public record EvmConfig(SpecId spec, long chainId, PrecompileSet precompiles) {
  public EvmConfig {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(precompiles, "precompiles");
  }
}
