package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.Objects;

/**
 * The L2 chain's system config as derivation tracks it (system-config spec): the batcher, the fee scalars, the gas
 * limit and, from Holocene, Isthmus and Jovian on, the EIP-1559, operator-fee, minimum-base-fee and DA-footprint
 * parameters. Updated by L1 logs ({@link SystemConfigUpdates}).
 *
 * @param eip1559Params Holocene's packed {@code denominator (u32) ‖ elasticity (u32)}, 0 when unset
 * @param operatorFeeParams Isthmus's packed {@code scalar (u32) ‖ constant (u64)} in the low 12 bytes of a word
 * @param minBaseFee Jovian's minimum base fee in wei (an unsigned u64), 0 until set
 * @param daFootprintGasScalar Jovian's DA footprint gas scalar (a u16), 0 until set (the L1-info deposit then says 400)
 */
public record SystemConfig(Address batcher, Bytes32 overhead, Bytes32 scalar, long gasLimit, long eip1559Params,
                           Bytes32 operatorFeeParams, long minBaseFee, int daFootprintGasScalar) {
  public SystemConfig {
    Objects.requireNonNull(batcher, "batcher");
    Objects.requireNonNull(overhead, "overhead");
    Objects.requireNonNull(scalar, "scalar");
    Objects.requireNonNull(operatorFeeParams, "operatorFeeParams");
    if (daFootprintGasScalar < 0 || daFootprintGasScalar > 0xffff) {
      throw new IllegalArgumentException("daFootprintGasScalar " + daFootprintGasScalar + " is not a u16");
    }
  }

  /** A config without Jovian's parameters (both 0, their values until a ConfigUpdate sets them). */
  public SystemConfig(Address batcher, Bytes32 overhead, Bytes32 scalar, long gasLimit, long eip1559Params,
                      Bytes32 operatorFeeParams) {
    this(batcher, overhead, scalar, gasLimit, eip1559Params, operatorFeeParams, 0, 0);
  }

  SystemConfig withBatcher(Address b) {
    return new SystemConfig(b, overhead, scalar, gasLimit, eip1559Params, operatorFeeParams, minBaseFee, daFootprintGasScalar);
  }

  SystemConfig withFeeScalars(Bytes32 o, Bytes32 s) {
    return new SystemConfig(batcher, o, s, gasLimit, eip1559Params, operatorFeeParams, minBaseFee, daFootprintGasScalar);
  }

  SystemConfig withGasLimit(long g) {
    return new SystemConfig(batcher, overhead, scalar, g, eip1559Params, operatorFeeParams, minBaseFee, daFootprintGasScalar);
  }

  SystemConfig withEip1559Params(long p) {
    return new SystemConfig(batcher, overhead, scalar, gasLimit, p, operatorFeeParams, minBaseFee, daFootprintGasScalar);
  }

  SystemConfig withOperatorFeeParams(Bytes32 p) {
    return new SystemConfig(batcher, overhead, scalar, gasLimit, eip1559Params, p, minBaseFee, daFootprintGasScalar);
  }

  SystemConfig withMinBaseFee(long m) {
    return new SystemConfig(batcher, overhead, scalar, gasLimit, eip1559Params, operatorFeeParams, m, daFootprintGasScalar);
  }

  SystemConfig withDaFootprintGasScalar(int d) {
    return new SystemConfig(batcher, overhead, scalar, gasLimit, eip1559Params, operatorFeeParams, minBaseFee, d);
  }

  /** The genesis system config of a rollup config. */
  public static SystemConfig genesis(RollupConfig config) {
    RollupConfig.SystemConfig g = config.genesis().systemConfig();
    if (g == null || g.batcherAddress() == null) {
      throw new IllegalArgumentException("the rollup config has no genesis.system_config with a batcherAddr");
    }
    return new SystemConfig(g.batcherAddress(), g.overhead(), g.scalar(), g.gasLimit(), 0, Bytes32.ZERO);
  }

  /**
   * The system config an L2 block was built with, read back from the block (what a program does at its agreed head):
   * batcher, scalars, operator fee and DA footprint gas scalar from its L1-info deposit, the gas limit from its header
   * and, from Holocene on, the EIP-1559 parameters from its header's extra data ({@code 0x00 ‖ denominator u32 ‖
   * elasticity u32}, or from Jovian {@code 0x01 ‖ denominator u32 ‖ elasticity u32 ‖ minBaseFee u64}). A Jovian
   * deposit that carries the default scalar 400 reads back as 400; deriving on from it gives the same deposits.
   *
   * @param l1InfoCalldata the input of the block's first transaction
   */
  public static SystemConfig fromL2Block(io.fpp4j.primitives.block.Header header, byte[] l1InfoCalldata, boolean holocene) {
    L1InfoDeposit.Values v = L1InfoDeposit.parse(l1InfoCalldata);
    byte[] bh = v.batcherHash().toArray();
    if (!SystemConfigUpdates.zero(bh, 0, 12)) throw new DerivationException("L1-info batcher hash " + v.batcherHash() + " is not an address");
    long eip1559 = 0;
    long minBaseFee = 0;
    if (holocene) {
      byte[] extra = header.extraData().toArray();
      boolean holoceneForm = extra.length == 9 && extra[0] == 0;
      boolean jovianForm = extra.length == 17 && extra[0] == 1;
      if (!holoceneForm && !jovianForm) {
        throw new DerivationException("Holocene block " + header.number() + " has extra data of " + extra.length
            + " bytes, not 0x00 and 8 bytes (Holocene) or 0x01 and 16 bytes (Jovian)");
      }
      eip1559 = SystemConfigUpdates.u64(extra, 1);
      if (jovianForm) minBaseFee = SystemConfigUpdates.u64(extra, 9);
    }
    byte[] op = new byte[32];
    java.nio.ByteBuffer.wrap(op).putInt(20, (int) v.operatorFeeScalar()).putLong(24, v.operatorFeeConstant());
    return new SystemConfig(Address.wrap(java.util.Arrays.copyOfRange(bh, 12, 32)), v.overhead(), v.scalar(), header.gasLimit(),
        eip1559, Bytes32.wrap(op), minBaseFee, v.daFootprintGasScalar());
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
