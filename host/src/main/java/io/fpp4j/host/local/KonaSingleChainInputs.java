package io.fpp4j.host.local;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.LocalKeys.Kona;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The boot values of Kona's single-chain host ({@code kona-host single}), as parsed from its flags.
 *
 * @param l1Head {@code --l1-head}
 * @param agreedL2HeadHash {@code --agreed-l2-head-hash}: not a local key; online handlers need it
 * @param agreedL2OutputRoot {@code --agreed-l2-output-root}
 * @param claimedL2OutputRoot {@code --claimed-l2-output-root}
 * @param claimedL2BlockNumber {@code --claimed-l2-block-number}, unsigned
 * @param l2ChainId {@code --l2-chain-id}, unsigned, or null when {@code rollupConfigPath} is given
 * @param rollupConfigPath {@code --rollup-config-path}, or null
 * @param l1ConfigPath {@code --l1-config-path}, or null
 */
public record KonaSingleChainInputs(Bytes32 l1Head, Bytes32 agreedL2HeadHash, Bytes32 agreedL2OutputRoot,
                                    Bytes32 claimedL2OutputRoot, long claimedL2BlockNumber, Long l2ChainId,
                                    Path rollupConfigPath, Path l1ConfigPath) implements ChainInputs {
  public KonaSingleChainInputs {
    if ((l2ChainId == null) == (rollupConfigPath == null)) {
      throw new IllegalArgumentException("exactly one of --l2-chain-id and --rollup-config-path must be given");
    }
  }

  /**
   * Kona's local-key map: 1..4 from the flags; 5 = the chain id, or 0 with a rollup config file (Kona's
   * {@code unwrap_or_default}); 6 = the rollup config file's JSON; 7 = the L1 config file's JSON.
   *
   * @throws IllegalArgumentException if a config file is missing or not JSON, naming the flag and file
   */
  public LocalInputs localInputs() {
    return LocalInputs.builder("the kona single-chain flags")
        .put(Kona.L1_HEAD, l1Head.toArray())
        .put(Kona.L2_OUTPUT_ROOT, agreedL2OutputRoot.toArray())
        .put(Kona.L2_CLAIM, claimedL2OutputRoot.toArray())
        .put(Kona.L2_CLAIM_BLOCK_NUMBER, u64be(claimedL2BlockNumber))
        .put(Kona.L2_CHAIN_ID, u64be(l2ChainId == null ? 0 : l2ChainId))
        .putIfPresent(Kona.ROLLUP_CONFIG, Optional.ofNullable(rollupConfigPath)
            .map(p -> JsonConfigFile.readCompact(p, "--rollup-config-path")))
        .putIfPresent(Kona.L1_CONFIG, Optional.ofNullable(l1ConfigPath)
            .map(p -> JsonConfigFile.readCompact(p, "--l1-config-path")))
        .build();
  }

  @Override
  public String claimSummary() {
    return "claim " + claimedL2OutputRoot + " at L2 block " + Long.toUnsignedString(claimedL2BlockNumber) + " (agreed output "
        + agreedL2OutputRoot + ", L1 head " + l1Head + ")";
  }

  static byte[] u64be(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }
}
