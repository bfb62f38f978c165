package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.Objects;

/**
 * The L2 chain's system config as derivation tracks it (system-config spec): the batcher, the fee scalars, the gas
 * limit and, from Holocene and Isthmus on, the EIP-1559 and operator-fee parameters. Updated by L1 logs
 * ({@link SystemConfigUpdates}).
 *
 * @param eip1559Params Holocene's packed {@code denominator (u32) ‖ elasticity (u32)}, 0 when unset
 * @param operatorFeeParams Isthmus's packed {@code scalar (u32) ‖ constant (u64)} in the low 12 bytes of a word
 */
public record SystemConfig(Address batcher, Bytes32 overhead, Bytes32 scalar, long gasLimit, long eip1559Params,
                           Bytes32 operatorFeeParams) {
  public SystemConfig {
    Objects.requireNonNull(batcher, "batcher");
    Objects.requireNonNull(overhead, "overhead");
    Objects.requireNonNull(scalar, "scalar");
    Objects.requireNonNull(operatorFeeParams, "operatorFeeParams");
  }

  /** The genesis system config of a rollup config. */
  public static SystemConfig genesis(RollupConfig config) {
    RollupConfig.SystemConfig g = config.genesis().systemConfig();
    if (g == null || g.batcherAddress() == null) {
      throw new IllegalArgumentException("the rollup config has no genesis.system_config with a batcherAddr");
    }
    return new SystemConfig(g.batcherAddress(), g.overhead(), g.scalar(), g.gasLimit(), 0, Bytes32.ZERO);
  }

  /** {@code bytes32(batcher)}, the L1-info deposit's batcher hash (version 0: the address left-padded). */
  public Bytes32 batcherHash() {
    return Bytes32.leftPad(batcher.toArray());
  }

  /**
   * Ecotone's scalars from {@link #scalar}: version 0 gives the base-fee scalar from its low four bytes and a zero
   * blob-base-fee scalar; version 1 packs {@code blobBaseFeeScalar (u32) ‖ baseFeeScalar (u32)} in its low eight.
   *
   * @return {@code {baseFeeScalar, blobBaseFeeScalar}} as unsigned 32-bit values in longs
   */
  public long[] ecotoneScalars() {
    byte[] s = scalar.toArray();
    long base = u32(s, 28);
    return switch (s[0]) {
      case 0 -> new long[] {base, 0};
      case 1 -> new long[] {base, u32(s, 24)};
      default -> throw new DerivationException("system config scalar " + scalar + " has unknown version " + (s[0] & 0xff));
    };
  }

  /** Isthmus's operator fee scalar (u32) and constant (u64). */
  public long operatorFeeScalar() {
    return u32(operatorFeeParams.toArray(), 20);
  }

  public long operatorFeeConstant() {
    long v = 0;
    byte[] p = operatorFeeParams.toArray();
    for (int i = 24; i < 32; i++) v = v << 8 | (p[i] & 0xff);
    return v;
  }

  static long u32(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
  }
}
