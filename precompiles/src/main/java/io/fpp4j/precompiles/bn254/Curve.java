package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

// Public only because host's Bn254GethTest builds its points with it; the rest of the tower is package-private.
/**
 * A short Weierstrass curve y² = x³ + b over a field F, with the affine group law. Affine is the simple
 * choice: every step is checked against the textbook formulas, and an inversion per step costs little
 * next to the pairing itself.
 */
public final class Curve<F extends Field<F>> {
  private final String name;
  private final F b;

  Curve(String name, F b) {
    this.name = name;
    this.b = b;
  }

  public F b() {
    return b;
  }

  boolean isOnCurve(Point<F> p) {
    if (p.isInfinity()) return true;
    return p.y().square().sub(p.x().square().mul(p.x()).add(b)).isZero();
  }

  public Point<F> negate(Point<F> p) {
    return p.isInfinity() ? p : Point.of(p.x(), p.y().neg());
  }

  public Point<F> add(Point<F> p, Point<F> q) {
    if (p.isInfinity()) return q;
    if (q.isInfinity()) return p;
    if (p.x().equals(q.x())) {
      // Same x: either the same point (tangent) or each other's negatives (vertical line, sum at infinity).
      return p.y().equals(q.y()) ? doubled(p) : Point.infinity();
    }
    F slope = q.y().sub(p.y()).mul(q.x().sub(p.x()).inverse());
    return through(p, q.x(), slope);
  }

  Point<F> doubled(Point<F> p) {
    if (p.isInfinity() || p.y().isZero()) return Point.infinity();
    F xx = p.x().square();
    F slope = xx.add(xx).add(xx).mul(p.y().add(p.y()).inverse());
    return through(p, p.x(), slope);
  }

  /** The third intersection, negated, of the line with {@code slope} through p and a point with x = {@code qx}. */
  private Point<F> through(Point<F> p, F qx, F slope) {
    F x3 = slope.square().sub(p.x()).sub(qx);
    F y3 = slope.mul(p.x().sub(x3)).sub(p.y());
    return Point.of(x3, y3);
  }

  /** [k]p for k ≥ 0, by double-and-add from the top bit. */
  public Point<F> multiply(Point<F> p, BigInteger k) {
    if (k.signum() < 0) return multiply(negate(p), k.negate());
    Point<F> acc = Point.infinity();
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      acc = doubled(acc);
      if (k.testBit(bit)) acc = add(acc, p);
    }
    return acc;
  }

  @Override
  public String toString() {
    return name + ": y^2 = x^3 + " + b;
  }
}
