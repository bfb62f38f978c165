package io.fpp4j.precompiles.bn254;

// Public only because host's Bn254GethTest builds its points with it; the rest of the tower is package-private.
/**
 * An affine curve point, or the point at infinity (both coordinates null). Whether it lies on a curve is
 * the {@link Curve}'s question, not the point's.
 */
public record Point<F extends Field<F>>(F x, F y) {
  public Point {
    if ((x == null) != (y == null)) throw new IllegalArgumentException("a point has both coordinates or neither");
  }

  public static <F extends Field<F>> Point<F> of(F x, F y) {
    if (x == null || y == null) throw new IllegalArgumentException("coordinates must not be null; use infinity()");
    return new Point<>(x, y);
  }

  public static <F extends Field<F>> Point<F> infinity() {
    return new Point<>(null, null);
  }

  public boolean isInfinity() {
    return x == null;
  }

  @Override
  public String toString() {
    return isInfinity() ? "infinity" : "(" + x + ", " + y + ")";
  }
}
