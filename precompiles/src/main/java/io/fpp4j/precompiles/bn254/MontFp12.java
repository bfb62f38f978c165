package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

/**
 * {@code c0 + c1·w} in F_p¹² = F_p⁶[w]/(w² − v), over {@link MontFp6}; seen over F_p² it is Σ a_j·w^j for
 * j = 0..5 with w⁶ = ξ, the basis {@link #frobenius(int)} works in.
 */
final class MontFp12 {
  static final MontFp12 ONE = new MontFp12(MontFp6.ONE, MontFp6.ZERO);
  /** FROBENIUS[k][j] = ξ^(j·(p^k − 1)/6), the factor w^j picks up under x ↦ x^(p^k), for k = 0..3. */
  private static final MontFp2[][] FROBENIUS = frobeniusFactors();

  final MontFp6 c0, c1;

  MontFp12(MontFp6 c0, MontFp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  MontFp12 mul(MontFp12 o) {
    MontFp6 t0 = c0.mul(o.c0);
    MontFp6 t1 = c1.mul(o.c1);
    MontFp6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
    return new MontFp12(t0.add(t1.mulByV()), cross);
  }

  /**
   * this · (a + (b + c·v)·w), the shape of every Miller-loop line: 13 F_p² products where a full product
   * takes 18.
   */
  MontFp12 mulByLine(MontFp2 a, MontFp2 b, MontFp2 c) {
    MontFp6 t0 = c0.mul(a);
    MontFp6 t1 = c1.mulBy01(b, c);
    MontFp6 cross = c0.add(c1).mulBy01(a.add(b), c).sub(t0).sub(t1);
    return new MontFp12(t0.add(t1.mulByV()), cross);
  }

  MontFp12 square() {
    // (a + bw)² = (a² + v·b²) + 2ab·w, with a² + v·b² = (a + b)(a + v·b) − ab − v·ab.
    MontFp6 ab = c0.mul(c1);
    MontFp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new MontFp12(r0, ab.dbl());
  }

  /** a − b·w = x^(p⁶); the inverse for elements of norm one (all of the cyclotomic subgroup). */
  MontFp12 conjugate() {
    return new MontFp12(c0, c1.neg());
  }

  MontFp12 inverse() {
    MontFp6 norm = c0.square().sub(c1.square().mulByV());
    MontFp6 inv = norm.inverse();
    return new MontFp12(c0.mul(inv), c1.neg().mul(inv));
  }

  /** x^e for e ≥ 0, square-and-multiply. */
  MontFp12 pow(BigInteger e) {
    if (e.signum() < 0) throw new IllegalArgumentException("negative exponent " + e);
    MontFp12 acc = ONE;
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.square();
      if (e.testBit(bit)) acc = acc.mul(this);
    }
    return acc;
  }

  /** x^(p^k) for 0 ≤ k ≤ 3. */
  MontFp12 frobenius(int k) {
    if (k < 0 || k >= FROBENIUS.length) throw new IllegalArgumentException("Frobenius power " + k + " is not in 0..3");
    MontFp2[] a = {c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2};
    MontFp2[] out = new MontFp2[6];
    for (int j = 0; j < 6; j++) out[j] = ((k & 1) == 1 ? a[j].conjugate() : a[j]).mul(FROBENIUS[k][j]);
    return new MontFp12(new MontFp6(out[0], out[2], out[4]), new MontFp6(out[1], out[3], out[5]));
  }

  static MontFp2 frobeniusFactor(int k, int j) {
    return FROBENIUS[k][j];
  }

  boolean isOne() {
    return equals(ONE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MontFp12 m && m.c0.equals(c0) && m.c1.equals(c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  private static MontFp2[][] frobeniusFactors() {
    BigInteger p = Fp.P;
    BigInteger six = BigInteger.valueOf(6);
    MontFp2[][] table = new MontFp2[4][6];
    for (int k = 0; k < 4; k++) {
      BigInteger[] qr = p.pow(k).subtract(BigInteger.ONE).divideAndRemainder(six);
      if (qr[1].signum() != 0) throw new IllegalStateException("p^" + k + " - 1 is not divisible by 6");
      MontFp2 gamma = MontFp2.XI.pow(qr[0].mod(p.multiply(p).subtract(BigInteger.ONE)));
      MontFp2 power = MontFp2.ONE;
      for (int j = 0; j < 6; j++) {
        table[k][j] = power;
        power = power.mul(gamma);
      }
    }
    return table;
  }
}
