package io.fpp4j.precompiles.modexp;

import java.math.BigInteger;

/**
 * EIP-2565's price for modexp, in force from Berlin: {@code max(200, multComplexity * iterationCount / 3)}.
 *
 * <p>Computed in {@link BigInteger} throughout because the lengths are 256-bit caller-chosen values: the exact
 * price can exceed 2^500, and any fixed-width shortcut would have to prove it never wraps. The result saturates
 * at {@link Long#MAX_VALUE}, which no call can pay.
 */
final class ModExpGas {
  private static final BigInteger MIN_GAS = BigInteger.valueOf(200);
  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final BigInteger SEVEN = BigInteger.valueOf(7);
  private static final BigInteger EIGHT = BigInteger.valueOf(8);
  private static final BigInteger WORD = BigInteger.valueOf(32);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ModExpGas() {}

  static long of(ModExpInput in) {
    BigInteger gas = multiplicationComplexity(in).multiply(iterationCount(in)).divide(THREE).max(MIN_GAS);
    return gas.min(LONG_MAX).longValue();
  }

  /** The square of the longer of base and modulus, in 8-byte limbs rounded up. */
  static BigInteger multiplicationComplexity(ModExpInput in) {
    BigInteger words = in.baseLength().max(in.modulusLength()).add(SEVEN).divide(EIGHT);
    return words.multiply(words);
  }

  /**
   * Roughly the number of squarings: the index of the exponent's top set bit, counting 8 per byte past the first
   * 32; at least 1. For an exponent longer than 32 bytes whose first 32 bytes are zero the head adds 0, not -1:
   * geth and revm both read it so (EIP-2565's pseudocode would subtract one).
   */
  static BigInteger iterationCount(ModExpInput in) {
    BigInteger head = in.exponentHead();
    int headTopBit = Math.max(head.bitLength() - 1, 0);
    BigInteger count;
    if (in.exponentLength().compareTo(WORD) <= 0) {
      count = BigInteger.valueOf(headTopBit);
    } else {
      count = in.exponentLength().subtract(WORD).multiply(EIGHT).add(BigInteger.valueOf(headTopBit));
    }
    return count.max(BigInteger.ONE);
  }
}
