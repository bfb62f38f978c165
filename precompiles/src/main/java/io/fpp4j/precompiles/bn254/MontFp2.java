package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

/** {@code re + im·i} in F_p² = F_p[i]/(i² + 1), over {@link MontFp}; the fast twin of {@link Fp2}. */
final class MontFp2 {
  static final MontFp2 ZERO = new MontFp2(MontFp.ZERO, MontFp.ZERO);
  static final MontFp2 ONE = new MontFp2(MontFp.ONE, MontFp.ZERO);
  /** ξ = 9 + i. */
  static final MontFp2 XI = new MontFp2(MontFp.of(9), MontFp.ONE);

  final MontFp re;
  final MontFp im;

  MontFp2(MontFp re, MontFp im) {
    this.re = re;
    this.im = im;
  }

  static MontFp2 of(Fp2 v) {
    return new MontFp2(MontFp.of(v.re()), MontFp.of(v.im()));
  }

  Fp2 toFp2() {
    return new Fp2(re.toFp(), im.toFp());
  }

  MontFp2 add(MontFp2 o) {
    return new MontFp2(re.add(o.re), im.add(o.im));
  }

  MontFp2 sub(MontFp2 o) {
    return new MontFp2(re.sub(o.re), im.sub(o.im));
  }

  MontFp2 dbl() {
    return new MontFp2(re.dbl(), im.dbl());
  }

  MontFp2 neg() {
    return new MontFp2(re.neg(), im.neg());
  }

  MontFp2 mul(MontFp2 o) {
    // Karatsuba: (a + bi)(c + di) = (ac − bd) + ((a + b)(c + d) − ac − bd)i.
    MontFp ac = re.mul(o.re);
    MontFp bd = im.mul(o.im);
    MontFp cross = re.add(im).mul(o.re.add(o.im)).sub(ac).sub(bd);
    return new MontFp2(ac.sub(bd), cross);
  }

  MontFp2 square() {
    // (a + bi)² = (a + b)(a − b) + 2ab·i
    MontFp ab = re.mul(im);
    return new MontFp2(re.add(im).mul(re.sub(im)), ab.dbl());
  }

  MontFp2 mul(MontFp k) {
    return new MontFp2(re.mul(k), im.mul(k));
  }

  /** this · ξ = (a + bi)(9 + i) = (9a − b) + (a + 9b)i, with 9x = 8x + x by doublings. */
  MontFp2 mulByXi() {
    MontFp a8 = re.dbl().dbl().dbl();
    MontFp b8 = im.dbl().dbl().dbl();
    return new MontFp2(a8.add(re).sub(im), b8.add(im).add(re));
  }

  /** a − bi, which is also x^p. */
  MontFp2 conjugate() {
    return new MontFp2(re, im.neg());
  }

  MontFp2 inverse() {
    if (isZero()) throw new ArithmeticException("zero has no inverse in F_p^2");
    MontFp inv = re.square().add(im.square()).inverse();
    return new MontFp2(re.mul(inv), im.neg().mul(inv));
  }

  MontFp2 pow(BigInteger e) {
    if (e.signum() < 0) throw new IllegalArgumentException("negative exponent " + e);
    MontFp2 acc = ONE;
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.square();
      if (e.testBit(bit)) acc = acc.mul(this);
    }
    return acc;
  }

  boolean isZero() {
    return re.isZero() && im.isZero();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MontFp2 m && m.re.equals(re) && m.im.equals(im);
  }

  @Override
  public int hashCode() {
    return re.hashCode() * 31 + im.hashCode();
  }

  @Override
  public String toString() {
    return re + " + " + im + "·i";
  }
}
