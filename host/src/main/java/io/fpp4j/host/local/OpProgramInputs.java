package io.fpp4j.host.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.LocalKeys;
import io.fpp4j.proof.boot.LocalKeys.OpProgram;
import java.nio.file.Path;

/**
 * The boot values of the op-program host, as parsed from its flags (single chain, pre-interop).
 *
 * <p>A chain is either registry-configured ({@code --network <chain id>}: local key 5 is that id and the
 * client uses its built-in configs) or custom ({@code --rollup.config} with {@code --l2.genesis}: local key 5
 * is {@link LocalKeys#CUSTOM_CHAIN_ID} and the configs are served as keys 6, 7 and, if given, 9).
 * fpp4j bundles no superchain registry, so every chain given by files is custom, as op-program treats chain
 * ids its registry does not know.
 *
 * @param l1Head {@code --l1.head}
 * @param l2Head {@code --l2.head}: not a local key; online handlers serve its output for {@code l2-output}
 * @param l2OutputRoot {@code --l2.outputroot}
 * @param l2Claim {@code --l2.claim}
 * @param l2BlockNumber {@code --l2.blocknumber}, unsigned, above 0
 * @param networkChainId the chain id given with {@code --network}, or null for a custom chain
 * @param rollupConfig {@code --rollup.config}, for a custom chain
 * @param l2Genesis {@code --l2.genesis}, for a custom chain
 * @param l1ChainConfig {@code --l1.chainconfig}, optional, custom chains only
 */
public record OpProgramInputs(Bytes32 l1Head, Bytes32 l2Head, Bytes32 l2OutputRoot, Bytes32 l2Claim,
                              long l2BlockNumber, Long networkChainId, Path rollupConfig, Path l2Genesis,
                              Path l1ChainConfig) implements ChainInputs {
  public OpProgramInputs {
    if (networkChainId == null && (rollupConfig == null || l2Genesis == null)) {
      throw new IllegalArgumentException("a custom chain needs both --rollup.config and --l2.genesis");
    }
    if (networkChainId != null && (rollupConfig != null || l2Genesis != null || l1ChainConfig != null)) {
      throw new IllegalArgumentException("--network cannot be combined with --rollup.config, --l2.genesis or --l1.chainconfig");
    }
  }

  public boolean custom() {
    return networkChainId == null;
  }

  /**
   * op-program's local-key map: 1..4 from the flags, 5 = chain id (or MaxUint64 for a custom chain);
   * custom chains also get 6 = the genesis file's {@code config} object, 7 = the rollup config and 9 = the
   * L1 chain config (a genesis file's {@code config} object, or a bare chain config).
   */
  public LocalInputs localInputs() {
    LocalInputs.Builder b = LocalInputs.builder("the op-program flags")
        .put(OpProgram.L1_HEAD, l1Head.toArray())
        .put(OpProgram.L2_OUTPUT_ROOT, l2OutputRoot.toArray())
        .put(OpProgram.L2_CLAIM, l2Claim.toArray())
        .put(OpProgram.L2_CLAIM_BLOCK_NUMBER, KonaSingleChainInputs.u64be(l2BlockNumber))
        .put(OpProgram.L2_CHAIN_ID, KonaSingleChainInputs.u64be(custom() ? LocalKeys.CUSTOM_CHAIN_ID : networkChainId));
    if (custom()) {
      b.put(OpProgram.L2_CHAIN_CONFIG, genesisConfigCompact(l2Genesis, "--l2.genesis", true));
      b.put(OpProgram.ROLLUP_CONFIG, JsonConfigFile.readCompact(rollupConfig, "--rollup.config"));
      if (l1ChainConfig != null) {
        b.put(OpProgram.L1_CHAIN_CONFIG, genesisConfigCompact(l1ChainConfig, "--l1.chainconfig", false));
      }
    }
    return b.build();
  }

  @Override
  public String claimSummary() {
    return "claim " + l2Claim + " at L2 block " + Long.toUnsignedString(l2BlockNumber) + " (agreed output " + l2OutputRoot
        + " of L2 block " + l2Head + ", L1 head " + l1Head + ")";
  }

  /** As {@link #genesisConfig}, as compact JSON text, without building a tree. */
  static byte[] genesisConfigCompact(Path file, String flag, boolean required) {
    byte[] config = JsonConfigFile.readCompactMember(file, flag, "config").orElse(null);
    if (config != null && config.length > 0 && config[0] == '{') return config;
    if (required) {
      throw new IllegalArgumentException(flag + " file " + file + " has no \"config\" object: expected an op-geth genesis file");
    }
    return JsonConfigFile.readCompact(file, flag); // a bare chain config
  }

  /** The {@code config} object of a genesis file; with {@code required} false, a file without one is the config itself. */
  static JsonNode genesisConfig(Path file, String flag, boolean required) {
    JsonNode config = JsonConfigFile.readMember(file, flag, "config").orElse(null);
    if (config != null && config.isObject()) return config;
    if (required) {
      throw new IllegalArgumentException(flag + " file " + file + " has no \"config\" object: expected an op-geth genesis file");
    }
    // A bare chain config (an --l1.chainconfig file may be one): a small file, read whole.
    return JsonConfigFile.readObject(file, flag);
  }
}
