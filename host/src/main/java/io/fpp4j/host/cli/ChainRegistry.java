package io.fpp4j.host.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The superchain registry's chains, bundled as {@code chain-registry.json} (made by
 * {@code host/scripts/regen-chain-registry.py}), so that op-program's {@code --network NAME} resolves offline
 * as op-program's own bundled registry does: names are {@code <chain>-<network>} ("op-mainnet",
 * "base-sepolia"), compared without case, and the legacy names "mainnet" and "sepolia" mean op-mainnet and
 * op-sepolia.
 */
final class ChainRegistry {
  /** One chain: its registry name, chain id, and whether the registry has since removed it. */
  record Chain(String name, long chainId, boolean removed) {}

  private static final String RESOURCE = "chain-registry.json";
  private static volatile ChainRegistry bundled;

  private final Map<String, Chain> byName;
  private final Map<String, String> legacyNames;
  private final String commit;

  private ChainRegistry(Map<String, Chain> byName, Map<String, String> legacyNames, String commit) {
    this.byName = byName;
    this.legacyNames = legacyNames;
    this.commit = commit;
  }

  /** The bundled registry, read on first use (only runs that name a network pay for it). */
  static ChainRegistry bundled() {
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
    Map<String, Chain> chains = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("chains").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      chains.put(e.getKey().toLowerCase(Locale.ROOT),
          new Chain(e.getKey(), c.path("chain_id").asLong(), c.path("removed").asBoolean(false)));
    }
    Map<String, String> legacy = new TreeMap<>();
    doc.path("legacy_names").fields().forEachRemaining(e -> legacy.put(e.getKey(), e.getValue().asText()));
    return new ChainRegistry(chains, legacy, doc.path("commit").asText("unknown"));
  }

  /** The chain a name means, if the registry lists it. */
  Optional<Chain> byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    n = legacyNames.getOrDefault(n, n);
    return Optional.ofNullable(byName.get(n));
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    byName.values().forEach(c -> names.add(c.name()));
    return names;
  }

  String commit() {
    return commit;
  }
}
