package io.fpp4j.proof.boot;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The configs a program knows without asking the host, by chain id: the role of Kona's {@code kona_registry}
 * and op-program's embedded superchain registry. A program registers what it trusts, or takes the bundled
 * superchain registry's rollup configs ({@link ChainRegistry#configRegistry()}).
 * Configs read from local keys are "insecure in production without additional validation" (Kona's words),
 * because nothing on chain commits to them.
 */
public final class ConfigRegistry {
  private static final ConfigRegistry EMPTY = new ConfigRegistry(Map.of(), Map.of(), Map.of(), id -> Optional.empty());

  private final Map<Long, RollupConfig> rollups;
  private final Map<Long, ChainConfig> l1Configs;
  private final Map<Long, ChainConfig> l2Configs;
  private final LongFunction<Optional<RollupConfig>> rollupLookup;

  private ConfigRegistry(Map<Long, RollupConfig> rollups, Map<Long, ChainConfig> l1, Map<Long, ChainConfig> l2,
      LongFunction<Optional<RollupConfig>> rollupLookup) {
    this.rollups = Map.copyOf(rollups);
    this.l1Configs = Map.copyOf(l1);
    this.l2Configs = Map.copyOf(l2);
    this.rollupLookup = rollupLookup;
  }

  /**
   * A registry whose rollup configs come from {@code lookup}, asked only for the chain id a run boots with (so a
   * registry of many chains builds one config per run, and a chain it cannot serve fails only the runs for it).
   */
  public static ConfigRegistry withRollupLookup(LongFunction<Optional<RollupConfig>> lookup) {
    return new ConfigRegistry(Map.of(), Map.of(), Map.of(), java.util.Objects.requireNonNull(lookup, "lookup"));
  }

  /** A registry that knows no chain: every config comes from local keys. */
  public static ConfigRegistry empty() {
    return EMPTY;
  }

  public Optional<RollupConfig> rollupConfig(long l2ChainId) {
    RollupConfig registered = rollups.get(l2ChainId);
    return registered != null ? Optional.of(registered) : rollupLookup.apply(l2ChainId);
  }

  public Optional<ChainConfig> l1Config(long l1ChainId) {
    return Optional.ofNullable(l1Configs.get(l1ChainId));
  }

  public Optional<ChainConfig> l2ChainConfig(long l2ChainId) {
    return Optional.ofNullable(l2Configs.get(l2ChainId));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects configs by the chain id they declare. */
  public static final class Builder {
    private final Map<Long, RollupConfig> rollups = new HashMap<>();
    private final Map<Long, ChainConfig> l1 = new HashMap<>();
    private final Map<Long, ChainConfig> l2 = new HashMap<>();

    public Builder rollup(RollupConfig config) {
      rollups.put(config.l2ChainId(), config);
      return this;
    }

    public Builder l1(ChainConfig config) {
      l1.put(config.chainId(), config);
      return this;
    }

    public Builder l2(ChainConfig config) {
      l2.put(config.chainId(), config);
      return this;
    }

    public ConfigRegistry build() {
      return new ConfigRegistry(rollups, l1, l2, id -> Optional.empty());
    }
  }
}
