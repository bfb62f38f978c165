package io.fpp4j.executor;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;

/**
 * EIP-1559's denominator and elasticity on the OP Stack, and the header {@code extraData} that carries them
 * from Holocene: {@code 0x00 ‖ u32be(denominator) ‖ u32be(elasticity)} (9 bytes), and from Jovian
 * {@code 0x01 ‖ u32be(denominator) ‖ u32be(elasticity) ‖ u64be(minBaseFee)} (17 bytes). Before Holocene the
 * parameters are the chain's constants (the denominator changes at Canyon) and {@code extraData} is empty.
 */
public record BaseFeeParams(long denominator, long elasticity) {

  /** The chain's constants ({@code chain_op_config}), with OP mainnet's values when the config has none. */
  public static BaseFeeParams fromConfig(RollupConfig config, boolean canyon) {
    var op = config.json().path("chain_op_config");
    long elasticity = op.path("eip1559Elasticity").asLong(6);
    long denominator = canyon ? op.path("eip1559DenominatorCanyon").asLong(250) : op.path("eip1559Denominator").asLong(50);
    return new BaseFeeParams(denominator, elasticity);
  }

  /** The parameters a Holocene block's {@code extraData} carries. */
  public static BaseFeeParams decodeExtraData(Bytes extraData) {
    byte[] e = extraData.toArray();
    if ((e.length != 9 || e[0] != 0) && (e.length != 17 || e[0] != 1)) {
      throw new BlockExecutionException("parent extraData 0x" + io.fpp4j.primitives.Hex.encode(e)
          + " is not a Holocene (version 0, 9 bytes) or Jovian (version 1, 17 bytes) encoding of the EIP-1559 parameters");
    }
    return new BaseFeeParams(u32(e, 1), u32(e, 5));
  }

  /** Jovian's minimum base fee from a version-1 {@code extraData}, else 0. */
  public static long minBaseFee(Bytes extraData) {
    byte[] e = extraData.toArray();
    if (e.length != 17 || e[0] != 1) return 0;
    long v = 0;
    for (int i = 9; i < 17; i++) v = v << 8 | (e[i] & 0xff);
    return v;
  }

  /** The attributes' {@code eip1559Params}; all zero means the chain's Canyon constants. */
  public static BaseFeeParams fromAttributes(byte[] params, RollupConfig config) {
    BaseFeeParams p = new BaseFeeParams(u32(params, 0), u32(params, 4));
    if (p.denominator == 0 && p.elasticity == 0) return fromConfig(config, true);
    if (p.denominator == 0) {
      throw new BlockExecutionException("eip1559Params has denominator 0 with elasticity " + p.elasticity);
    }
    return p;
  }

  /** Holocene's extraData (version 0), or Jovian's (version 1) when {@code minBaseFee} is non-null. */
  public Bytes encodeExtraData(Long minBaseFee) {
    byte[] e = new byte[minBaseFee == null ? 9 : 17];
    e[0] = (byte) (minBaseFee == null ? 0 : 1);
    putU32(e, 1, denominator);
    putU32(e, 5, elasticity);
    if (minBaseFee != null) for (int i = 0; i < 8; i++) e[9 + i] = (byte) (minBaseFee >>> (56 - 8 * i));
    return Bytes.of(e);
  }

  /** EIP-1559: the base fee after a parent that used {@code parentGasUsed} of {@code parentGasLimit}. */
  public long nextBaseFee(long parentGasLimit, long parentGasUsed, long parentBaseFee) {
    long target = parentGasLimit / elasticity;
    if (parentGasUsed == target || target == 0) return parentBaseFee;
    BigInteger base = BigInteger.valueOf(parentBaseFee);
    BigInteger d = BigInteger.valueOf(denominator);
    BigInteger t = BigInteger.valueOf(target);
    if (parentGasUsed > target) {
      BigInteger delta = base.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(t).divide(d).max(BigInteger.ONE);
      return base.add(delta).longValueExact();
    }
    BigInteger delta = base.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(t).divide(d);
    return base.subtract(delta).max(BigInteger.ZERO).longValueExact();
  }

  private static long u32(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 4; i++) v = v << 8 | (b[off + i] & 0xff);
    return v;
  }

  private static void putU32(byte[] b, int off, long v) {
    for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (24 - 8 * i));
  }
}
