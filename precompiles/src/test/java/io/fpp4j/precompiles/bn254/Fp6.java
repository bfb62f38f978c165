package io.fpp4j.precompiles.bn254;

/** An element {@code c0 + c1·v + c2·v²} of F_p⁶ = F_p²[v]/(v³ − ξ), ξ = 9 + i. */
record Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
  public static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  public static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  public Fp6 add(Fp6 o) {
    return new Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  public Fp6 sub(Fp6 o) {
    return new Fp6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  public Fp6 neg() {
    return new Fp6(c0.neg(), c1.neg(), c2.neg());
  }

  public Fp6 mul(Fp6 o) {
    // Karatsuba over the three coefficients; v³ = ξ folds the degree-3 and degree-4 terms back down.
    Fp2 t0 = c0.mul(o.c0);
    Fp2 t1 = c1.mul(o.c1);
    Fp2 t2 = c2.mul(o.c2);
    Fp2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(t1).sub(t2).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1).add(t2.mulByXi());
    Fp2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(t0).sub(t2).add(t1);
    return new Fp6(r0, r1, r2);
  }

  public Fp6 square() {
    return mul(this);
  }

  public Fp6 mul(Fp2 k) {
    return new Fp6(c0.mul(k), c1.mul(k), c2.mul(k));
  }

  /** this · v = ξ·c2 + c0·v + c1·v². */
  public Fp6 mulByV() {
    return new Fp6(c2.mulByXi(), c0, c1);
  }

  public Fp6 inverse() {
    if (isZero()) throw new ArithmeticException("zero has no inverse in F_p^6");
    // (c0 + c1 v + c2 v²)(a + b v + c v²) is the scalar n below, with these a, b, c (the other terms cancel).
    Fp2 a = c0.square().sub(c1.mul(c2).mulByXi());
    Fp2 b = c2.square().mulByXi().sub(c0.mul(c1));
    Fp2 c = c1.square().sub(c0.mul(c2));
    Fp2 n = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi());
    Fp2 nInv = n.inverse();
    return new Fp6(a.mul(nInv), b.mul(nInv), c.mul(nInv));
  }

  public boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }
}
