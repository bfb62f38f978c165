package io.fpp4j.host.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.LocalKeys;
import io.fpp4j.proof.boot.LocalKeys.OpProgramInterop;
import io.fpp4j.proof.boot.RollupConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The boot values of the op-program host in an interop run ({@code --l2.agreed-prestate} instead of
 * {@code --l2.outputroot}): several L2 chains, each given by a rollup config and an op-geth genesis file, in the
 * same order.
 *
 * <p>op-program's interop local-key map: 1 = L1 head, 2 = keccak-256 of the agreed pre-state, 3 = the claimed
 * post-state, 4 = the game's timestamp (given with {@code --l2.blocknumber}, as the dispute game loads it under
 * the same index), 5 = MaxUint64 (the configs below are served), 6 = a JSON array of the chains' configs
 * (each genesis file's {@code config} object), 7 = a JSON array of the rollup configs, 8 = the dependency set
 * ({@code --depset.config}, if given), 9 = the L1 chain config (if given).
 *
 * @param l1Head {@code --l1.head}
 * @param prestate {@code --l2.agreed-prestate}, parsed
 * @param claim {@code --l2.claim}, the claimed post-state
 * @param timestamp {@code --l2.blocknumber}: the game's timestamp in an interop run
 * @param rollupConfigs {@code --rollup.config}, one per chain
 * @param l2Geneses {@code --l2.genesis}, one per chain, in the order of the rollup configs
 * @param dependencySet {@code --depset.config}, or null
 * @param l1ChainConfig {@code --l1.chainconfig}, or null
 */
public record OpProgramInteropInputs(Bytes32 l1Head, AgreedPrestate prestate, Bytes32 claim, long timestamp,
                                     List<Path> rollupConfigs, List<Path> l2Geneses, Path dependencySet,
                                     Path l1ChainConfig) implements InteropInputs {
  public OpProgramInteropInputs {
    rollupConfigs = List.copyOf(rollupConfigs);
    l2Geneses = List.copyOf(l2Geneses);
    if (rollupConfigs.isEmpty()) throw new IllegalArgumentException("an interop run needs --rollup.config for each chain");
    if (rollupConfigs.size() != l2Geneses.size()) {
      throw new IllegalArgumentException("an interop run needs one --l2.genesis per --rollup.config, in the same order: got "
          + rollupConfigs.size() + " rollup configs and " + l2Geneses.size() + " genesis files");
    }
  }

  @Override
  public LocalInputs localInputs() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode chainConfigs = f.arrayNode();
    for (Path genesis : l2Geneses) chainConfigs.add(OpProgramInputs.genesisConfig(genesis, "--l2.genesis", true));
    ArrayNode rollups = f.arrayNode();
    for (Path rollup : rollupConfigs) rollups.add(JsonConfigFile.readObject(rollup, "--rollup.config"));
    LocalInputs.Builder b = LocalInputs.builder("the op-program flags (interop)")
        .put(OpProgramInterop.L1_HEAD, l1Head.toArray())
        .put(OpProgramInterop.AGREED_PRESTATE, prestate.root().toArray())
        .put(OpProgramInterop.CLAIMED_POST_STATE, claim.toArray())
        .put(OpProgramInterop.CLAIMED_TIMESTAMP, KonaSingleChainInputs.u64be(timestamp))
        .put(OpProgramInterop.L2_CHAIN_ID, KonaSingleChainInputs.u64be(LocalKeys.CUSTOM_CHAIN_ID))
        .put(OpProgramInterop.L2_CHAIN_CONFIGS, JsonConfigFile.compact(chainConfigs))
        .put(OpProgramInterop.ROLLUP_CONFIGS, JsonConfigFile.compact(rollups));
    if (dependencySet != null) b.put(OpProgramInterop.DEPENDENCY_SET, JsonConfigFile.readCompact(dependencySet, "--depset.config"));
    if (l1ChainConfig != null) {
      b.put(OpProgramInterop.L1_CHAIN_CONFIG, JsonConfigFile.compact(OpProgramInputs.genesisConfig(l1ChainConfig, "--l1.chainconfig", false)));
    }
    return b.build();
  }

  @Override
  public Map<Long, RollupConfig> rollupsByChain() {
    return InteropInputs.readRollups(rollupConfigs, "--rollup.config");
  }

  @Override
  public String claimSummary() {
    List<String> chains = new ArrayList<>();
    for (AgreedPrestate.ChainOutput o : prestate.superRoot().outputs()) chains.add(o.chainId().toString());
    return "claim " + claim + " at timestamp " + Long.toUnsignedString(timestamp) + " (agreed " + prestate
        + ", chains " + String.join(", ", chains) + ", L1 head " + l1Head + ")";
  }
}
