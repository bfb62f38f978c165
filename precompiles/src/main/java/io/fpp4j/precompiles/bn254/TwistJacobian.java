package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

/**
 * A point of the twist y² = x³ + 3/ξ in Jacobian coordinates (x, y) = (X/Z², Y/Z³), Z = 0 for infinity, so
 * that doubling and adding need no inversion. The formulas are the a = 0 ones of the Explicit-Formulas
 * Database (Bernstein and Lange): "dbl-2009-l" for doubling and "madd-2007-bl" for adding an affine point.
 */
final class TwistJacobian {
  static final TwistJacobian INFINITY = new TwistJacobian(MontFp2.ONE, MontFp2.ONE, MontFp2.ZERO);

  final MontFp2 x, y, z;

  TwistJacobian(MontFp2 x, MontFp2 y, MontFp2 z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  static TwistJacobian affine(MontFp2 x, MontFp2 y) {
    return new TwistJacobian(x, y, MontFp2.ONE);
  }

  boolean isInfinity() {
    return z.isZero();
  }

  TwistJacobian doubled() {
    if (isInfinity() || y.isZero()) return INFINITY;
    MontFp2 a = x.square();
    MontFp2 b = y.square();
    MontFp2 c = b.square();
    MontFp2 d = x.add(b).square().sub(a).sub(c).dbl();
    MontFp2 e = a.dbl().add(a);
    MontFp2 x3 = e.square().sub(d.dbl());
    MontFp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    return new TwistJacobian(x3, y3, y.mul(z).dbl());
  }

  /** this + (qx, qy) for an affine q. */
  TwistJacobian addAffine(MontFp2 qx, MontFp2 qy) {
    if (isInfinity()) return affine(qx, qy);
    MontFp2 zz = z.square();
    MontFp2 h = qx.mul(zz).sub(x);
    MontFp2 n = qy.mul(z).mul(zz).sub(y);
    if (h.isZero()) return n.isZero() ? doubled() : INFINITY; // same point, or its negative
    MontFp2 hh = h.square();
    MontFp2 i = hh.dbl().dbl();
    MontFp2 j = h.mul(i);
    MontFp2 r = n.dbl();
    MontFp2 v = x.mul(i);
    MontFp2 x3 = r.square().sub(j).sub(v.dbl());
    MontFp2 y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    return new TwistJacobian(x3, y3, z.mul(h).dbl());
  }

  /** [k]q for an affine q and k ≥ 0, double-and-add from the top bit. */
  static TwistJacobian multiply(MontFp2 qx, MontFp2 qy, BigInteger k) {
    if (k.signum() < 0) throw new IllegalArgumentException("negative scalar " + k);
    TwistJacobian acc = INFINITY;
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.doubled();
      if (k.testBit(bit)) acc = acc.addAffine(qx, qy);
    }
    return acc;
  }

  /** Whether the affine twist point q has order dividing r, i.e. lies in G2. */
  static boolean inG2(Point<Fp2> q) {
    if (q.isInfinity()) return true;
    return multiply(MontFp2.of(q.x()), MontFp2.of(q.y()), Bn254.R).isInfinity();
  }
}
