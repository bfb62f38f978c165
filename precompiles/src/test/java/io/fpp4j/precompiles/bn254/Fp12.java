package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·w} of F_p¹² = F_p⁶[w]/(w² − v), the target field of the pairing. Seen over F_p²,
 * it is Σ a_j·w^j for j = 0..5 with w⁶ = ξ; {@link #frobenius(int)} works in that basis.
 */
record Fp12(Fp6 c0, Fp6 c1) {
  public static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /**
   * FROBENIUS[k][j] = ξ^(j·(p^k − 1)/6), the factor w^j picks up under x ↦ x^(p^k): (w^j)^(p^k) = w^j·(w⁶)^(j(p^k−1)/6).
   * Computed here from that definition (p ≡ 1 mod 6, so the exponent is whole; it is reduced mod p² − 1,
   * the order of F_p²*, which changes nothing).
   */
  private static final Fp2[][] FROBENIUS = frobeniusFactors();

  public Fp12 add(Fp12 o) {
    return new Fp12(c0.add(o.c0), c1.add(o.c1));
  }

  public Fp12 mul(Fp12 o) {
    Fp6 t0 = c0.mul(o.c0);
    Fp6 t1 = c1.mul(o.c1);
    Fp6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
  }

  public Fp12 square() {
    // (a + bw)² = (a² + v·b²) + 2ab·w, with a² + v·b² = (a + b)(a + v·b) − ab − v·ab.
    Fp6 ab = c0.mul(c1);
    Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new Fp12(r0, ab.add(ab));
  }

  /** a − b·w, which equals x^(p⁶) (w^(p⁶) = −w); the inverse for elements of norm one. */
  public Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  public Fp12 inverse() {
    // (a + bw)(a − bw) = a² − v·b², an element of F_p⁶.
    Fp6 norm = c0.square().sub(c1.square().mulByV());
    Fp6 inv = norm.inverse();
    return new Fp12(c0.mul(inv), c1.neg().mul(inv));
  }

  public Fp12 pow(BigInteger e) {
    if (e.signum() < 0) throw new IllegalArgumentException("negative exponent " + e);
    Fp12 acc = ONE;
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.square();
      if (e.testBit(bit)) acc = acc.mul(this);
    }
    return acc;
  }

  /** x^(p^k) for 0 ≤ k < 12. */
  public Fp12 frobenius(int k) {
    if (k < 0 || k >= 12) throw new IllegalArgumentException("Frobenius power " + k + " is not in 0..11");
    Fp2[] a = coefficients();
    Fp2[] out = new Fp2[6];
    for (int j = 0; j < 6; j++) {
      Fp2 coefficient = (k & 1) == 1 ? a[j].conjugate() : a[j];
      out[j] = coefficient.mul(FROBENIUS[k][j]);
    }
    return fromCoefficients(out);
  }

  /** The factor ξ^(j·(p^k − 1)/6); {@link Pairing} uses the same ones to apply π to twist points. */
  static Fp2 frobeniusFactor(int k, int j) {
    return FROBENIUS[k][j];
  }

  /** The coefficients a_0..a_5 of Σ a_j·w^j: w² = v puts a_0, a_2, a_4 in c0 and a_1, a_3, a_5 in c1. */
  Fp2[] coefficients() {
    return new Fp2[] {c0.c0(), c1.c0(), c0.c1(), c1.c1(), c0.c2(), c1.c2()};
  }

  static Fp12 fromCoefficients(Fp2[] a) {
    return new Fp12(new Fp6(a[0], a[2], a[4]), new Fp6(a[1], a[3], a[5]));
  }

  public boolean isOne() {
    return equals(ONE);
  }

  private static Fp2[][] frobeniusFactors() {
    BigInteger p = Fp.P;
    BigInteger fp2Order = p.multiply(p).subtract(BigInteger.ONE);
    BigInteger six = BigInteger.valueOf(6);
    Fp2[][] table = new Fp2[12][6];
    for (int k = 0; k < 12; k++) {
      BigInteger[] qr = p.pow(k).subtract(BigInteger.ONE).divideAndRemainder(six);
      if (qr[1].signum() != 0) throw new IllegalStateException("p^" + k + " - 1 is not divisible by 6");
      Fp2 gamma = Fp2.XI.pow(qr[0].mod(fp2Order));
      Fp2 power = Fp2.ONE;
      for (int j = 0; j < 6; j++) {
        table[k][j] = power;
        power = power.mul(gamma);
      }
    }
    return table;
  }
}
