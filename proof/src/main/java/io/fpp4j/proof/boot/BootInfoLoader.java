package io.fpp4j.proof.boot;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracle;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.Dialect;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads {@link BootInfo} from local keys in the order the peers read them (1, 2, 3, 4, 5, then configs),
 * so a host that logs requests sees the same sequence from a Java program as from kona-client or the
 * op-program client. Local keys are never hinted.
 *
 * <ul>
 *   <li>Kona: the rollup config comes from the registry by chain id, else from key 6; the L1 config from the
 *       registry by the rollup config's L1 chain id, else from key 7.
 *   <li>op-program: chain id {@code 0xFFFFFFFFFFFFFFFF} means custom: key 6 (L2 chain config), 7 (rollup
 *       config) and 9 (L1 chain config, whose chain id must match the rollup's). Any other chain id must be in
 *       the registry.
 * </ul>
 */
public final class BootInfoLoader {
  private final Dialect dialect;
  private final ConfigRegistry registry;

  public BootInfoLoader(Dialect dialect, ConfigRegistry registry) {
    this.dialect = dialect;
    this.registry = registry;
  }

  /**
   * @throws BootException if a value has the wrong size, a config is unknown or malformed
   * @throws PreimageOracleException if the host cannot serve a key
   */
  public BootInfo load(PreimageOracle oracle) {
    Bytes32 l1Head = hash(oracle, LocalKeys.L1_HEAD, "L1 head");
    Bytes32 agreed = hash(oracle, LocalKeys.L2_OUTPUT_ROOT, "agreed L2 output root");
    Bytes32 claimed = hash(oracle, LocalKeys.L2_CLAIM, "claimed L2 output root");
    long number = u64(oracle, LocalKeys.L2_CLAIM_BLOCK_NUMBER, "claimed L2 block number");
    long chainId = u64(oracle, LocalKeys.L2_CHAIN_ID, "L2 chain id");
    return dialect == Dialect.KONA
        ? konaConfigs(oracle, l1Head, agreed, claimed, number, chainId)
        : opProgramConfigs(oracle, l1Head, agreed, claimed, number, chainId);
  }

  private BootInfo konaConfigs(PreimageOracle oracle, Bytes32 l1Head, Bytes32 agreed, Bytes32 claimed, long number,
                               long chainId) {
    RollupConfig rollup = registry.rollupConfig(chainId).orElseGet(() -> rollupConfig(
        oracle, LocalKeys.Kona.ROLLUP_CONFIG));
    ChainConfig l1 = registry.l1Config(rollup.l1ChainId()).orElseGet(() -> ChainConfig.parse(
        get(oracle, LocalKeys.Kona.L1_CONFIG, "L1 config"), "L1 config (local key 7)"));
    return new BootInfo(l1Head, agreed, claimed, number, chainId, rollup, Optional.of(l1), Optional.empty());
  }

  private BootInfo opProgramConfigs(PreimageOracle oracle, Bytes32 l1Head, Bytes32 agreed, Bytes32 claimed, long number,
                                    long chainId) {
    if (chainId == LocalKeys.CUSTOM_CHAIN_ID) {
      ChainConfig l2 = ChainConfig.parse(get(oracle, LocalKeys.OpProgram.L2_CHAIN_CONFIG, "L2 chain config"),
          "L2 chain config (local key 6)");
      RollupConfig rollup = rollupConfig(oracle, LocalKeys.OpProgram.ROLLUP_CONFIG);
      ChainConfig l1 = ChainConfig.parse(get(oracle, LocalKeys.OpProgram.L1_CHAIN_CONFIG, "L1 chain config"),
          "L1 chain config (local key 9)");
      if (l1.chainId() != rollup.l1ChainId()) {
        throw new BootException("L1 chain config (local key 9) is for chain " + Long.toUnsignedString(l1.chainId())
            + " but the rollup config's l1_chain_id is " + Long.toUnsignedString(rollup.l1ChainId()));
      }
      if (l2.chainId() != rollup.l2ChainId()) {
        throw new BootException("L2 chain config (local key 6) is for chain " + Long.toUnsignedString(l2.chainId())
            + " but the rollup config's l2_chain_id is " + Long.toUnsignedString(rollup.l2ChainId()));
      }
      return new BootInfo(l1Head, agreed, claimed, number, chainId, rollup, Optional.of(l1), Optional.of(l2));
    }
    RollupConfig rollup = registry.rollupConfig(chainId).orElseThrow(() -> new BootException(
        "no rollup config known for L2 chain id " + Long.toUnsignedString(chainId)
            + " (op-program hosts send 0xffffffffffffffff on local key 5 for a custom chain)"));
    ChainConfig l1 = registry.l1Config(rollup.l1ChainId()).orElseThrow(() -> new BootException(
        "no L1 chain config known for L1 chain id " + Long.toUnsignedString(rollup.l1ChainId())));
    return new BootInfo(l1Head, agreed, claimed, number, chainId, rollup, Optional.of(l1),
        registry.l2ChainConfig(chainId));
  }

  private static RollupConfig rollupConfig(PreimageOracle oracle, long index) {
    byte[] json = get(oracle, index, "rollup config");
    try {
      return RollupConfig.parse(json);
    } catch (ConfigParseException e) {
      throw new BootException("rollup config (local key " + index + "): " + e.getMessage(), e);
    }
  }

  private static Bytes32 hash(PreimageOracle oracle, long index, String what) {
    byte[] v = get(oracle, index, what);
    if (v.length != 32) {
      throw new BootException(what + " (local key " + index + ") must be 32 bytes, got " + v.length);
    }
    return Bytes32.wrap(v);
  }

  private static long u64(PreimageOracle oracle, long index, String what) {
    byte[] v = get(oracle, index, what);
    if (v.length != 8) {
      throw new BootException(what + " (local key " + index + ") must be an 8-byte big-endian u64, got " + v.length
          + " bytes");
    }
    return ByteBuffer.wrap(v).getLong();
  }

  private static byte[] get(PreimageOracle oracle, long index, String what) {
    PreimageKey key = PreimageKey.local(index);
    try {
      return oracle.get(key);
    } catch (PreimageOracleException e) {
      throw new PreimageOracleException("could not read the " + what + " (local key " + index + ", " + key + "): "
          + e.getMessage(), e);
    }
  }
}
