package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The superchain registry's chains, bundled as {@code chain-registry.json} (made by
 * {@code host/scripts/regen-chain-registry.py} from github.com/ethereum-optimism/superchain-registry). Two users:
 *
 * <ul>
 *   <li>the host resolves op-program's {@code --network NAME} offline, as op-program's own bundled registry does:
 *       names are {@code <chain>-<network>} ("op-mainnet", "base-sepolia"), compared without case, and the legacy
 *       names "mainnet" and "sepolia" mean op-mainnet and op-sepolia;
 *   <li>the program takes a known chain's rollup config from here instead of a local key ({@link #rollupConfig}),
 *       as op-program's client does for a chain id that is not the custom-chain marker and kona-client does for a
 *       chain id in its registry.
 * </ul>
 */
public final class ChainRegistry {
  /** One chain: its registry name, chain id, and whether the registry has since removed it. */
  public record Chain(String name, long chainId, boolean removed) {}

  /**
   * The Bedrock channel timeout, in L1 blocks. The registry does not list it: op-node's registry loader
   * ({@code LoadOPStackRollupConfig}, op-node/rollup/superchain.go) sets {@code ChannelTimeoutBedrock: 300} for every
   * chain, noting that such hard-coded values are "not yet represented in the registry"; Kona's OP Sepolia config in
   * the shared op-sepolia-executor fixtures carries the same 300.
   */
  static final long REGISTRY_CHANNEL_TIMEOUT = 300;

  private static final String RESOURCE = "chain-registry.json";
  private static volatile ChainRegistry bundled;

  private final Map<String, JsonNode> byName;
  private final Map<Long, String> nameById;
  private final Map<String, String> legacyNames;
  private final String commit;

  private ChainRegistry(Map<String, JsonNode> byName, Map<Long, String> nameById, Map<String, String> legacyNames, String commit) {
    this.byName = byName;
    this.nameById = nameById;
    this.legacyNames = legacyNames;
    this.commit = commit;
  }

  /** The bundled registry, read on first use. */
  public static ChainRegistry bundled() {
    ChainRegistry r = bundled;
    if (r == null) {
      try (InputStream in = ChainRegistry.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("the bundled chain registry " + RESOURCE + " is missing from the class path");
        r = parse(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled chain registry " + RESOURCE, e);
      }
      bundled = r;
    }
    return r;
  }

  static ChainRegistry parse(JsonNode doc) {
    Map<String, JsonNode> chains = new TreeMap<>();
    Map<Long, String> ids = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("chains").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey().toLowerCase(Locale.ROOT);
      chains.put(key, e.getValue());
      long id = e.getValue().path("chain_id").asLong();
      // A chain listed now wins over a removed one with the same id.
      if (!ids.containsKey(id) || !e.getValue().path("removed").asBoolean(false)) ids.put(id, key);
    }
    Map<String, String> legacy = new TreeMap<>();
    doc.path("legacy_names").fields().forEachRemaining(e -> legacy.put(e.getKey(), e.getValue().asText()));
    return new ChainRegistry(chains, ids, legacy, doc.path("commit").asText("unknown"));
  }

  /** The chain a name means, if the registry lists it. */
  public Optional<Chain> byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    n = legacyNames.getOrDefault(n, n);
    return Optional.ofNullable(byName.get(n)).map(ChainRegistry::chain);
  }

  /** The chain with this L2 chain id, if the registry lists it. */
  public Optional<Chain> byChainId(long chainId) {
    return Optional.ofNullable(nameById.get(chainId)).map(byName::get).map(ChainRegistry::chain);
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    byName.values().forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  public String commit() {
    return commit;
  }

  private static Chain chain(JsonNode c) {
    return new Chain(c.path("name").asText(), c.path("chain_id").asLong(), c.path("removed").asBoolean(false));
  }

  /**
   * The rollup config of the chain with this L2 chain id, built from the registry's parameters the way op-node's
   * registry loader builds it: genesis, block time, sequencer drift and window, chain ids, batch inbox and hardfork
   * times as listed; the deposit contract is the chain's OptimismPortalProxy and the L1 system config its
   * SystemConfigProxy; EIP-1559 parameters from its {@code optimism} section. Two values the registry leaves out are
   * op-node's constants for every registry chain: Regolith active from genesis and the channel timeout of {@value
   * #REGISTRY_CHANNEL_TIMEOUT}. The Granite channel timeout is {@link RollupConfig}'s default.
   *
   * @throws ConfigParseException if the chain uses Alt-DA (its batches are commitments to data elsewhere, which
   *     this derivation does not follow), or its entry lacks a field a rollup config needs
   */
  public Optional<RollupConfig> rollupConfig(long l2ChainId) {
    String name = nameById.get(l2ChainId);
    if (name == null) return Optional.empty();
    JsonNode chain = byName.get(name);
    JsonNode r = chain.path("rollup");
    if (r.hasNonNull("alt_da")) {
      throw new ConfigParseException("chain " + name + " (" + Long.toUnsignedString(l2ChainId) + ") uses Alt-DA, "
          + "which fpp4j's derivation does not support; its registry config cannot be used");
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode genesis = out.putObject("genesis");
    JsonNode g = r.path("genesis");
    genesis.set("l1", g.path("l1"));
    genesis.set("l2", g.path("l2"));
    genesis.set("l2_time", g.path("l2_time"));
    JsonNode sys = g.path("system_config");
    ObjectNode s = genesis.putObject("system_config");
    s.set("batcherAddr", sys.path("batcherAddress"));
    s.set("overhead", sys.path("overhead"));
    s.set("scalar", sys.path("scalar"));
    s.set("gasLimit", sys.path("gasLimit"));
    for (String f : List.of("block_time", "max_sequencer_drift", "seq_window_size", "l1_chain_id", "l2_chain_id", "batch_inbox_address")) {
      if (r.has(f)) out.set(f, r.get(f));
    }
    out.put("channel_timeout", REGISTRY_CHANNEL_TIMEOUT);
    out.put(Hardfork.REGOLITH.field(), 0);
    r.path("hardforks").fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
    JsonNode addresses = r.path("addresses");
    if (addresses.has("OptimismPortalProxy")) out.set("deposit_contract_address", addresses.get("OptimismPortalProxy"));
    if (addresses.has("SystemConfigProxy")) out.set("l1_system_config_address", addresses.get("SystemConfigProxy"));
    JsonNode op = r.path("optimism");
    ObjectNode fees = out.putObject("chain_op_config");
    fees.set("eip1559Elasticity", op.path("eip1559_elasticity"));
    fees.set("eip1559Denominator", op.path("eip1559_denominator"));
    fees.set("eip1559DenominatorCanyon", op.path("eip1559_denominator_canyon"));
    try {
      return Optional.of(RollupConfig.fromJson(out));
    } catch (ConfigParseException e) {
      throw new ConfigParseException("the bundled registry's entry for chain " + name + " does not make a rollup config: "
          + e.getMessage(), e);
    }
  }

  /**
   * The configs a program knows without asking the host: the rollup configs of the registry's chains. The registry
   * holds no L1 chain configs and no L2 genesis (the superchain registry keeps the latter compressed and large; it is
   * not bundled), so those still come from local keys.
   */
  public ConfigRegistry configRegistry() {
    return ConfigRegistry.withRollupLookup(this::rollupConfig);
  }

  /**
   * The bundled registry's {@link #configRegistry()}, read when a chain is first looked up rather than now: a program
   * booted with op-program's custom-chain marker on key 5 never looks, and parsing the 100 KB registry is a noticeable
   * part of a short run's start-up.
   */
  public static ConfigRegistry bundledConfigRegistry() {
    return ConfigRegistry.withRollupLookup(id -> bundled().rollupConfig(id));
  }
}
