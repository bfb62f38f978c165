package io.fpp4j.executor;

import java.math.BigInteger;

/**
 * The L1 data fee a user transaction pays for its share of the batch posted to L1, computed from the
 * transaction's EIP-2718 bytes and the L1Block parameters, by fork (OP Stack specs, "L1 cost"):
 * <ul>
 *   <li>Bedrock: {@code (dataGas + overhead) * l1BaseFee * scalar / 1e6}, where dataGas counts 4 per zero
 *       byte and 16 per non-zero byte, plus 68 * 16 for the signature before Regolith;
 *   <li>Ecotone: {@code dataGas * (16 * baseFeeScalar * l1BaseFee + blobBaseFeeScalar * blobBaseFee) / (16 * 1e6)};
 *       on the Ecotone activation block the L1Block still has Bedrock's parameters (both scalars zero), and
 *       Bedrock's formula applies;
 *   <li>Fjord: {@code max(100e6, -42.5856e6 + 836500 * fastlz(tx)) * (16 * baseFeeScalar * l1BaseFee
 *       + blobBaseFeeScalar * blobBaseFee) / 1e12}.
 * </ul>
 */
public final class L1Fee {
  private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
  private static final BigInteger SIXTEEN = BigInteger.valueOf(16);
  private static final long FJORD_MIN_SIZE_SCALED = 100_000_000L;
  private static final long FJORD_INTERCEPT = -42_585_600L;
  private static final long FJORD_FASTLZ_COEF = 836_500L;
  private static final BigInteger TEN_TO_12 = BigInteger.TEN.pow(12);

  private L1Fee() {}

  /** Bedrock's and Ecotone's calldata gas: 4 per zero byte, 16 per non-zero byte (plus the signature before Regolith). */
  public static long dataGas(byte[] tx, boolean regolith) {
    long g = 0;
    for (byte b : tx) g += b == 0 ? 4 : 16;
    return regolith ? g : g + 68 * 16;
  }

  public static BigInteger fee(byte[] tx, L1BlockInfo info, OpForkRules rules) {
    if (rules.fjord()) return fjord(tx, info);
    if (rules.ecotone() && (info.baseFeeScalar() != 0 || info.blobBaseFeeScalar() != 0)) return ecotone(tx, info);
    return bedrock(tx, info, rules.regolith());
  }

  static BigInteger bedrock(byte[] tx, L1BlockInfo info, boolean regolith) {
    BigInteger gas = BigInteger.valueOf(dataGas(tx, regolith)).add(info.overhead());
    return gas.multiply(info.l1BaseFee()).multiply(info.scalar()).divide(MILLION);
  }

  private static BigInteger scaledFee(L1BlockInfo info) {
    return SIXTEEN.multiply(BigInteger.valueOf(info.baseFeeScalar())).multiply(info.l1BaseFee())
        .add(BigInteger.valueOf(info.blobBaseFeeScalar()).multiply(info.blobBaseFee()));
  }

  static BigInteger ecotone(byte[] tx, L1BlockInfo info) {
    return BigInteger.valueOf(dataGas(tx, true)).multiply(scaledFee(info)).divide(SIXTEEN.multiply(MILLION));
  }

  /** Fjord's size estimate, scaled by 1e6. */
  public static long fjordEstimatedSizeScaled(byte[] tx) {
    long flz = FastLz.compressedLength(tx); // of the signed transaction: no 68 bytes added for a signature
    return Math.max(FJORD_MIN_SIZE_SCALED, FJORD_INTERCEPT + FJORD_FASTLZ_COEF * flz);
  }

  static BigInteger fjord(byte[] tx, L1BlockInfo info) {
    return BigInteger.valueOf(fjordEstimatedSizeScaled(tx)).multiply(scaledFee(info)).divide(TEN_TO_12);
  }
}
