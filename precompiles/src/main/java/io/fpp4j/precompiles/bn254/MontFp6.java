package io.fpp4j.precompiles.bn254;

/** {@code c0 + c1·v + c2·v²} in F_p⁶ = F_p²[v]/(v³ − ξ), over {@link MontFp2}. */
final class MontFp6 {
  static final MontFp6 ZERO = new MontFp6(MontFp2.ZERO, MontFp2.ZERO, MontFp2.ZERO);
  static final MontFp6 ONE = new MontFp6(MontFp2.ONE, MontFp2.ZERO, MontFp2.ZERO);

  final MontFp2 c0, c1, c2;

  MontFp6(MontFp2 c0, MontFp2 c1, MontFp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  MontFp6 add(MontFp6 o) {
    return new MontFp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  MontFp6 sub(MontFp6 o) {
    return new MontFp6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  MontFp6 neg() {
    return new MontFp6(c0.neg(), c1.neg(), c2.neg());
  }

  MontFp6 dbl() {
    return new MontFp6(c0.dbl(), c1.dbl(), c2.dbl());
  }

  MontFp6 mul(MontFp6 o) {
    // Karatsuba over the three coefficients; v³ = ξ folds the degree-3 and degree-4 terms back down.
    MontFp2 t0 = c0.mul(o.c0);
    MontFp2 t1 = c1.mul(o.c1);
    MontFp2 t2 = c2.mul(o.c2);
    MontFp2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(t1).sub(t2).mulByXi().add(t0);
    MontFp2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1).add(t2.mulByXi());
    MontFp2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(t0).sub(t2).add(t1);
    return new MontFp6(r0, r1, r2);
  }

  /** this · (b0 + b1·v), the shape of a line's w-free half; five F_p² products instead of six. */
  MontFp6 mulBy01(MontFp2 b0, MontFp2 b1) {
    MontFp2 t0 = c0.mul(b0);
    MontFp2 t1 = c1.mul(b1);
    MontFp2 r0 = c1.add(c2).mul(b1).sub(t1).mulByXi().add(t0);
    MontFp2 r1 = c0.add(c1).mul(b0.add(b1)).sub(t0).sub(t1);
    MontFp2 r2 = c0.add(c2).mul(b0).sub(t0).add(t1);
    return new MontFp6(r0, r1, r2);
  }

  MontFp6 square() {
    return mul(this);
  }

  MontFp6 mul(MontFp2 k) {
    return new MontFp6(c0.mul(k), c1.mul(k), c2.mul(k));
  }

  /** this · v = ξ·c2 + c0·v + c1·v². */
  MontFp6 mulByV() {
    return new MontFp6(c2.mulByXi(), c0, c1);
  }

  MontFp6 inverse() {
    if (isZero()) throw new ArithmeticException("zero has no inverse in F_p^6");
    // (c0 + c1 v + c2 v²)(a + b v + c v²) is the scalar n below, with these a, b, c (the other terms cancel).
    MontFp2 a = c0.square().sub(c1.mul(c2).mulByXi());
    MontFp2 b = c2.square().mulByXi().sub(c0.mul(c1));
    MontFp2 c = c1.square().sub(c0.mul(c2));
    MontFp2 n = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi());
    MontFp2 nInv = n.inverse();
    return new MontFp6(a.mul(nInv), b.mul(nInv), c.mul(nInv));
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MontFp6 m && m.c0.equals(c0) && m.c1.equals(c1) && m.c2.equals(c2);
  }

  @Override
  public int hashCode() {
    return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
  }
}
