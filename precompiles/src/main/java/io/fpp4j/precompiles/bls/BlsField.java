package io.fpp4j.precompiles.bls;

/**
 * Arithmetic in one of the two fields the EIP-2537 map operations work in, Fp ({@link BlsFp}) and Fp2
 * ({@link BlsFp2}), so that the simplified SWU map and the isogeny are written once for both. Elements are
 * immutable values.
 */
interface BlsField<E> {
  E zero();

  E one();

  E add(E a, E b);

  E sub(E a, E b);

  E mul(E a, E b);

  E neg(E a);

  /** The inverse of {@code a}, or zero for zero (RFC 9380's {@code inv0}). */
  E inv0(E a);

  boolean isZero(E a);

  /** Whether {@code a} has a square root in the field (zero has). */
  boolean isSquare(E a);

  /**
   * A square root of {@code a}; which of the two is unspecified, the map fixes the sign afterwards.
   *
   * @throws IllegalArgumentException if {@code a} is not a square
   */
  E sqrt(E a);

  /** RFC 9380's {@code sgn0}: the parity of the element, read from its lowest nonzero coefficient. */
  int sgn0(E a);

  default E square(E a) {
    return mul(a, a);
  }
}
