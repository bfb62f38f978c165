package io.fpp4j.precompiles.bls;

import java.math.BigInteger;

/**
 * Affine arithmetic on E1 (y² = x³ + 4 over Fp) in Java, for the one case blst cannot take: its decoder refuses
 * the points with x = 0, (0, ±2), which lie on the curve but outside G1 (they have order 3). EIP-2537's G1ADD does
 * no subgroup check, so it must still add them, and so does geth; the map to G1 could in principle meet them
 * before clearing the cofactor. Everything else goes through blst.
 */
final class BlsG1Fallback {
  private static final BlsFp FP = BlsFp.FIELD;
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private BlsG1Fallback() {}

  /** Whether blst cannot decode {@code p}. */
  static boolean needed(BlsAffine<BigInteger> p) {
    return !p.isInfinity() && p.x().signum() == 0;
  }

  static BlsAffine<BigInteger> add(BlsAffine<BigInteger> a, BlsAffine<BigInteger> b) {
    if (a.isInfinity()) return b;
    if (b.isInfinity()) return a;
    BigInteger lambda;
    if (a.x().equals(b.x())) {
      if (FP.add(a.y(), b.y()).signum() == 0) return BlsAffine.infinity(); // b = −a (this includes y = 0)
      // Doubling: the tangent's slope 3x²/2y.
      lambda = FP.mul(FP.mul(THREE, FP.square(a.x())), FP.inv0(FP.add(a.y(), a.y())));
    } else {
      lambda = FP.mul(FP.sub(b.y(), a.y()), FP.inv0(FP.sub(b.x(), a.x())));
    }
    BigInteger x = FP.sub(FP.sub(FP.square(lambda), a.x()), b.x());
    BigInteger y = FP.sub(FP.mul(lambda, FP.sub(a.x(), x)), a.y());
    return new BlsAffine<>(x, y);
  }

  /** {@code k·p} by double-and-add, for k ≥ 0. */
  static BlsAffine<BigInteger> multiply(BlsAffine<BigInteger> p, BigInteger k) {
    BlsAffine<BigInteger> acc = BlsAffine.infinity();
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = add(acc, acc);
      if (k.testBit(i)) acc = add(acc, p);
    }
    return acc;
  }
}
