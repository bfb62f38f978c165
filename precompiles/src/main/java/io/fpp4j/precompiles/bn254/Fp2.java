package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

// Public only because host's Bn254GethTest builds its points with it; the rest of the tower is package-private.
/** An element {@code re + im·i} of F_p² = F_p[i]/(i² + 1). */
public record Fp2(Fp re, Fp im) implements Field<Fp2> {
  public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
  /** ξ = 9 + i, the non-residue that defines F_p⁶ and the twist. */
  public static final Fp2 XI = of(9, 1);

  public static Fp2 of(long re, long im) {
    return new Fp2(Fp.of(re), Fp.of(im));
  }

  public static Fp2 of(BigInteger re, BigInteger im) {
    return new Fp2(Fp.of(re), Fp.of(im));
  }

  @Override
  public Fp2 add(Fp2 o) {
    return new Fp2(re.add(o.re), im.add(o.im));
  }

  @Override
  public Fp2 sub(Fp2 o) {
    return new Fp2(re.sub(o.re), im.sub(o.im));
  }

  @Override
  public Fp2 mul(Fp2 o) {
    // Karatsuba: (a + bi)(c + di) = (ac − bd) + ((a + b)(c + d) − ac − bd)i.
    Fp ac = re.mul(o.re);
    Fp bd = im.mul(o.im);
    Fp cross = re.add(im).mul(o.re.add(o.im)).sub(ac).sub(bd);
    return new Fp2(ac.sub(bd), cross);
  }

  @Override
  public Fp2 square() {
    // (a + bi)² = (a + b)(a − b) + 2ab·i
    Fp ab = re.mul(im);
    return new Fp2(re.add(im).mul(re.sub(im)), ab.add(ab));
  }

  public Fp2 mul(Fp k) {
    return new Fp2(re.mul(k), im.mul(k));
  }

  /** this · ξ = (a + bi)(9 + i) = (9a − b) + (a + 9b)i. */
  Fp2 mulByXi() {
    Fp nine = Fp.of(9);
    return new Fp2(re.mul(nine).sub(im), re.add(im.mul(nine)));
  }

  @Override
  public Fp2 neg() {
    return new Fp2(re.neg(), im.neg());
  }

  /** a − bi; also the p-power Frobenius, since p ≡ 3 (mod 4) makes i^p = −i. */
  Fp2 conjugate() {
    return new Fp2(re, im.neg());
  }

  @Override
  public Fp2 inverse() {
    if (isZero()) throw new ArithmeticException("zero has no inverse in F_p^2");
    Fp norm = re.square().add(im.square());
    Fp inv = norm.inverse();
    return new Fp2(re.mul(inv), im.neg().mul(inv));
  }

  public Fp2 pow(BigInteger e) {
    if (e.signum() < 0) return inverse().pow(e.negate());
    Fp2 acc = ONE;
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.square();
      if (e.testBit(bit)) acc = acc.mul(this);
    }
    return acc;
  }

  @Override
  public boolean isZero() {
    return re.isZero() && im.isZero();
  }

  @Override
  public String toString() {
    return re + " + " + im + "·i";
  }
}
