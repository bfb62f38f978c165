package io.fpp4j.executor;

import java.math.BigInteger;

/**
 * Isthmus's operator fee, charged to user transactions on top of gas and the L1 fee and paid to the
 * operator fee vault: {@code gas * operatorFeeScalar / 1e6 + operatorFeeConstant}. It is bought with the
 * gas limit up front and the part for unused gas is refunded. Jovian multiplies by 100 instead of dividing
 * by 1e6.
 */
public final class OperatorFee {
  private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private OperatorFee() {}

  public static BigInteger charge(long gas, L1BlockInfo info, OpForkRules rules) {
    if (!rules.isthmus()) return BigInteger.ZERO;
    BigInteger scaled = BigInteger.valueOf(gas).multiply(BigInteger.valueOf(info.operatorFeeScalar()));
    scaled = rules.jovian() ? scaled.multiply(HUNDRED) : scaled.divide(MILLION);
    return scaled.add(new BigInteger(Long.toUnsignedString(info.operatorFeeConstant())));
  }
}
