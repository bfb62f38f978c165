package io.fpp4j.precompiles.bls;

import java.util.List;

/**
 * RFC 9380's map_to_curve for BLS12-381 as EIP-2537 uses it (its field_to_curve document): the simplified SWU
 * map onto an isogenous curve E' (y² = x³ + A'x + B', A'B' ≠ 0), then the isogeny onto E. Clearing the cofactor
 * is left to the caller, which has blst for that.
 *
 * <p>Hand-written: jblst exposes blst's hash-to-curve only as a whole (message, domain tag, expansion), not the
 * bare field-element map the precompiles need. Plain {@code BigInteger} arithmetic is fast enough for one call.
 *
 * @param <E> the field, Fp for G1 and Fp2 for G2
 */
final class BlsSwuMap<E> {
  private final BlsField<E> f;
  private final E a;
  private final E b;
  private final E z;
  private final E minusBOverA;
  private final E bOverZa;
  private final List<E> xNum;
  private final List<E> xDen;
  private final List<E> yNum;
  private final List<E> yDen;

  /**
   * @param a E''s A
   * @param b E''s B
   * @param z RFC 9380's Z for the SWU map
   * @param xNum the isogeny's polynomials, coefficients from the constant term up (the denominators monic,
   *     their leading 1 included); x = xNum/xDen, y = y'·yNum/yDen
   */
  BlsSwuMap(BlsField<E> f, E a, E b, E z, List<E> xNum, List<E> xDen, List<E> yNum, List<E> yDen) {
    this.f = f;
    this.a = a;
    this.b = b;
    this.z = z;
    this.minusBOverA = f.neg(f.mul(b, f.inv0(a)));
    this.bOverZa = f.mul(b, f.inv0(f.mul(z, a)));
    this.xNum = List.copyOf(xNum);
    this.xDen = List.copyOf(xDen);
    this.yNum = List.copyOf(yNum);
    this.yDen = List.copyOf(yDen);
  }

  /** The point on E for the field element {@code u}, before cofactor clearing; infinity in the isogeny's poles. */
  BlsAffine<E> map(E u) {
    BlsAffine<E> onIsogenous = simplifiedSwu(u);
    return isogeny(onIsogenous.x(), onIsogenous.y());
  }

  /** RFC 9380 section 6.6.2, in its plain (not constant-time) form: a point (x', y') on E'. */
  BlsAffine<E> simplifiedSwu(E u) {
    E zu2 = f.mul(z, f.square(u));
    E tv1 = f.inv0(f.add(f.square(zu2), zu2)); // 1/(Z²u⁴ + Zu²), or 0
    E x1 = f.isZero(tv1) ? bOverZa : f.mul(minusBOverA, f.add(f.one(), tv1));
    E gx1 = g(x1);
    E x;
    E y;
    if (f.isSquare(gx1)) {
      x = x1;
      y = f.sqrt(gx1);
    } else {
      x = f.mul(zu2, x1);
      y = f.sqrt(g(x)); // g(x2) = Z³u⁶·g(x1) is a square when g(x1) is not
    }
    if (f.sgn0(u) != f.sgn0(y)) y = f.neg(y);
    return new BlsAffine<>(x, y);
  }

  private E g(E x) {
    return f.add(f.mul(f.add(f.square(x), a), x), b);
  }

  private BlsAffine<E> isogeny(E xp, E yp) {
    E xd = horner(xDen, xp);
    E yd = horner(yDen, xp);
    if (f.isZero(xd) || f.isZero(yd)) return BlsAffine.infinity();
    E x = f.mul(horner(xNum, xp), f.inv0(xd));
    E y = f.mul(f.mul(yp, horner(yNum, xp)), f.inv0(yd));
    return new BlsAffine<>(x, y);
  }

  private E horner(List<E> coefficients, E x) {
    E acc = f.zero();
    for (int i = coefficients.size() - 1; i >= 0; i--) acc = f.add(f.mul(acc, x), coefficients.get(i));
    return acc;
  }
}
