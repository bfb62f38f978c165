package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

/**
 * A point of G1, y² = x³ + 3 over F_p, in Jacobian coordinates (x, y) = (X/Z², Y/Z³) on {@link MontFp}, Z = 0
 * for infinity: the ecMul precompile's fast path. {@link Curve}'s affine law pays a BigInteger inversion per
 * doubling and per addition, which made 0x07 cost as much as a pairing on the OP Sepolia fixtures; here the
 * whole multiplication inverts once, at the end.
 *
 * <p>The formulas are the a = 0 ones {@link TwistJacobian} uses (Explicit-Formulas Database, "dbl-2009-l" and
 * "madd-2007-bl"), written again over F_p rather than shared: MontFp and MontFp2 have no common interface,
 * and an interface call per field operation would cost what this class saves.
 */
final class G1Jacobian {
  private static final G1Jacobian INFINITY = new G1Jacobian(MontFp.ONE, MontFp.ONE, MontFp.ZERO);

  private final MontFp x, y, z;

  private G1Jacobian(MontFp x, MontFp y, MontFp z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /**
   * [k]p for a point p of G1 (or infinity) and any k ≥ 0, as an affine point; k need not be reduced mod r,
   * as EIP-196 takes the full 256-bit word.
   */
  static Point<Fp> multiply(Point<Fp> p, BigInteger k) {
    if (k.signum() < 0) throw new IllegalArgumentException("negative scalar " + k);
    if (p.isInfinity()) return p;
    MontFp qx = MontFp.of(p.x());
    MontFp qy = MontFp.of(p.y());
    G1Jacobian acc = INFINITY;
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      acc = acc.doubled();
      if (k.testBit(bit)) acc = acc.addAffine(qx, qy);
    }
    return acc.toAffine();
  }

  private boolean isInfinity() {
    return z.isZero();
  }

  private G1Jacobian doubled() {
    if (isInfinity() || y.isZero()) return INFINITY;
    MontFp a = x.square();
    MontFp b = y.square();
    MontFp c = b.square();
    MontFp d = x.add(b).square().sub(a).sub(c).dbl();
    MontFp e = a.dbl().add(a);
    MontFp x3 = e.square().sub(d.dbl());
    MontFp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    return new G1Jacobian(x3, y3, y.mul(z).dbl());
  }

  /** this + (qx, qy) for an affine q. */
  private G1Jacobian addAffine(MontFp qx, MontFp qy) {
    if (isInfinity()) return new G1Jacobian(qx, qy, MontFp.ONE);
    MontFp zz = z.square();
    MontFp h = qx.mul(zz).sub(x);
    MontFp n = qy.mul(z).mul(zz).sub(y);
    if (h.isZero()) return n.isZero() ? doubled() : INFINITY; // the same point, or its negative
    MontFp hh = h.square();
    MontFp i = hh.dbl().dbl();
    MontFp j = h.mul(i);
    MontFp r = n.dbl();
    MontFp v = x.mul(i);
    MontFp x3 = r.square().sub(j).sub(v.dbl());
    MontFp y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    return new G1Jacobian(x3, y3, z.mul(h).dbl());
  }

  private Point<Fp> toAffine() {
    if (isInfinity()) return Point.infinity();
    MontFp zInv = z.inverse();
    MontFp zInv2 = zInv.square();
    return Point.of(x.mul(zInv2).toFp(), y.mul(zInv2).mul(zInv).toFp());
  }
}
