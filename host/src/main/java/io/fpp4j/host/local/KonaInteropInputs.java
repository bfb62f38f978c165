package io.fpp4j.host.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.LocalKeys.KonaInterop;
import io.fpp4j.proof.boot.RollupConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The boot values of kona-host's {@code super} command (Kona's interop boot info, {@code proof-interop}
 * {@code boot.rs}): 1 = L1 head, 2 = keccak-256 of the agreed pre-state, 3 = the claimed post-state, 4 = the
 * claimed L2 timestamp (u64 big-endian), 6 = a JSON object from each chain id (decimal) to its rollup config, if
 * any were given, 7 = the L1 config, 8 = the dependency set (by default one of the rollup configs' chains). There is no key 5: the chains are those of the
 * pre-state.
 *
 * @param l1Head {@code --l1-head}
 * @param prestate {@code --agreed-l2-pre-state}, parsed
 * @param claim {@code --claimed-l2-post-state}
 * @param timestamp {@code --claimed-l2-timestamp}
 * @param rollupConfigs {@code --rollup-config-paths}, possibly none
 * @param l1Config {@code --l1-config-path}, or null
 * @param dependencySet {@code --depset-cfg}, or null
 */
public record KonaInteropInputs(Bytes32 l1Head, AgreedPrestate prestate, Bytes32 claim, long timestamp,
                                List<Path> rollupConfigs, Path l1Config, Path dependencySet) implements InteropInputs {
  public KonaInteropInputs {
    rollupConfigs = List.copyOf(rollupConfigs);
  }

  @Override
  public LocalInputs localInputs() {
    LocalInputs.Builder b = LocalInputs.builder("the kona super flags")
        .put(KonaInterop.L1_HEAD, l1Head.toArray())
        .put(KonaInterop.AGREED_PRESTATE, prestate.root().toArray())
        .put(KonaInterop.CLAIMED_POST_STATE, claim.toArray())
        .put(KonaInterop.CLAIMED_TIMESTAMP, KonaSingleChainInputs.u64be(timestamp));
    if (!rollupConfigs.isEmpty()) {
      ObjectNode byChain = JsonNodeFactory.instance.objectNode();
      // A parsed config keeps its file's JSON, so each file is read once.
      rollupsByChain().forEach((chainId, config) -> byChain.set(Long.toUnsignedString(chainId), config.json()));
      b.put(KonaInterop.ROLLUP_CONFIGS, JsonConfigFile.compact(byChain));
    }
    if (l1Config != null) b.put(KonaInterop.L1_CONFIG, JsonConfigFile.readCompact(l1Config, "--l1-config-path"));
    if (dependencySet != null) {
      b.put(KonaInterop.DEPENDENCY_SET, JsonConfigFile.readCompact(dependencySet, "--dependency-set-path"));
    } else if (!rollupConfigs.isEmpty()) {
      b.put(KonaInterop.DEPENDENCY_SET, JsonConfigFile.compact(defaultDependencySet(rollupsByChain().keySet())));
    }
    return b.build();
  }

  /**
   * The dependency set served at key 8 when none is given: every configured chain depends on every other, in
   * op-supervisor's static dependency-set JSON ({@code {"dependencies": {"<chain id>": {}}}}), so a client that
   * reads key 8 finds the run's chains rather than a missing key.
   */
  static ObjectNode defaultDependencySet(java.util.Collection<Long> chainIds) {
    ObjectNode deps = JsonNodeFactory.instance.objectNode();
    chainIds.stream().sorted(Long::compareUnsigned).forEach(id -> deps.set(Long.toUnsignedString(id), JsonNodeFactory.instance.objectNode()));
    ObjectNode set = JsonNodeFactory.instance.objectNode();
    set.set("dependencies", deps);
    return set;
  }

  @Override
  public Map<Long, RollupConfig> rollupsByChain() {
    return InteropInputs.readRollups(rollupConfigs, "--rollup-config-paths");
  }

  @Override
  public String claimSummary() {
    return "claim " + claim + " at timestamp " + Long.toUnsignedString(timestamp) + " (agreed " + prestate + ", L1 head " + l1Head + ")";
  }
}
