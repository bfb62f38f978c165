package io.fpp4j.precompiles.bn254;

/**
 * The operations the curve group law needs from a field, so one affine implementation serves G1 (over
 * {@link Fp}) and the twist G2 (over {@link Fp2}). Elements are immutable.
 */
interface Field<F extends Field<F>> {
  F add(F other);

  F sub(F other);

  F mul(F other);

  F square();

  F neg();

  /** @throws ArithmeticException if this element is zero */
  F inverse();

  boolean isZero();
}
