package io.fpp4j.precompiles.altbn;

import java.math.BigInteger;

/**
 * A point of BN254's G1, the curve y^2 = x^3 + 3 over F_p, in affine coordinates; immutable. The point at
 * infinity has no affine form and is a separate constant, encoded as (0, 0) by EIP-196 (which is not on the
 * curve, so the encoding is unambiguous).
 *
 * <p>Affine arithmetic costs one field inversion per step; that is slower than projective coordinates but short
 * and plainly correct, and the EIP-1108 prices (150 and 6000 gas) are met by it comfortably.
 */
final class G1Point {
  static final G1Point INFINITY = new G1Point(Fp.ZERO, Fp.ZERO, true);

  private final Fp x;
  private final Fp y;
  private final boolean infinity;

  private G1Point(Fp x, Fp y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /**
   * The point (x, y), or infinity for (0, 0).
   *
   * @throws IllegalArgumentException if (x, y) is neither (0, 0) nor on the curve
   */
  static G1Point of(Fp x, Fp y) {
    if (x.isZero() && y.isZero()) {
      return INFINITY;
    }
    if (!y.square().equals(x.square().multiply(x).add(Fp.THREE))) {
      throw new IllegalArgumentException("point (" + x + ", " + y + ") is not on BN254's curve y^2 = x^3 + 3");
    }
    return new G1Point(x, y, false);
  }

  boolean isInfinity() {
    return infinity;
  }

  Fp x() {
    return x;
  }

  Fp y() {
    return y;
  }

  G1Point add(G1Point other) {
    if (infinity) {
      return other;
    }
    if (other.infinity) {
      return this;
    }
    if (x.equals(other.x)) {
      // Same x: either the same point (double it) or its negation (the sum is infinity).
      return y.equals(other.y) ? twice() : INFINITY;
    }
    Fp slope = other.y.subtract(y).multiply(other.x.subtract(x).inverse());
    return withSlope(slope, other.x);
  }

  G1Point twice() {
    if (infinity || y.isZero()) {
      // y = 0 would be a point of order 2; G1 has prime order, so none exists, but the rule keeps add total.
      return INFINITY;
    }
    Fp xSquared = x.square();
    Fp slope = xSquared.add(xSquared).add(xSquared).multiply(y.add(y).inverse());
    return withSlope(slope, x);
  }

  /**
   * The line through this point with {@code slope} meets the curve a third time; that point reflected in the x
   * axis is the sum. {@code otherX} is the second point's x (this point's own x when doubling).
   */
  private G1Point withSlope(Fp slope, Fp otherX) {
    Fp x3 = slope.square().subtract(x).subtract(otherX);
    Fp y3 = slope.multiply(x.subtract(x3)).subtract(y);
    return new G1Point(x3, y3, false);
  }

  /**
   * {@code scalar} times this point, by double-and-add over every bit of the scalar. The scalar is used as given
   * (EIP-196 allows any 256-bit value, not only those below the group order).
   */
  G1Point multiply(BigInteger scalar) {
    G1Point result = INFINITY;
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      result = result.twice();
      if (scalar.testBit(bit)) {
        result = result.add(this);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1Point other && infinity == other.infinity && x.equals(other.x) && y.equals(other.y);
  }

  @Override
  public int hashCode() {
    return infinity ? 0 : 31 * x.hashCode() + y.hashCode();
  }

  @Override
  public String toString() {
    return infinity ? "infinity" : "(" + x + ", " + y + ")";
  }
}
