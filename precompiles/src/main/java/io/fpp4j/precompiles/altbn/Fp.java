package io.fpp4j.precompiles.altbn;

import java.math.BigInteger;

/**
 * An element of BN254's (alt_bn128's) base field F_p, immutable and always reduced to [0, p).
 *
 * <p>Hand-written on {@link BigInteger}: Maven Central has no maintained BN254 library, and add and scalar
 * multiplication need only these few field operations. It is deliberately minimal; once the full BN254 tower
 * moved from the host (package {@code io.fpp4j.precompiles.bn254}) is merged, this class may give way to its
 * base field.
 */
final class Fp {
  /** The field modulus p of EIP-196. */
  static final BigInteger P =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");

  static final Fp ZERO = new Fp(BigInteger.ZERO);
  static final Fp THREE = new Fp(BigInteger.valueOf(3));

  private final BigInteger value;

  private Fp(BigInteger value) {
    this.value = value;
  }

  /** {@code value} as a field element; it must already lie in [0, p), as EIP-196 demands of every coordinate. */
  static Fp of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(P) >= 0) {
      throw new IllegalArgumentException("not a BN254 field element (must be in [0, p)): " + value);
    }
    return new Fp(value);
  }

  BigInteger toBigInteger() {
    return value;
  }

  boolean isZero() {
    return value.signum() == 0;
  }

  Fp add(Fp other) {
    BigInteger sum = value.add(other.value);
    return new Fp(sum.compareTo(P) >= 0 ? sum.subtract(P) : sum);
  }

  Fp subtract(Fp other) {
    BigInteger difference = value.subtract(other.value);
    return new Fp(difference.signum() < 0 ? difference.add(P) : difference);
  }

  Fp negate() {
    return isZero() ? this : new Fp(P.subtract(value));
  }

  Fp multiply(Fp other) {
    return new Fp(value.multiply(other.value).mod(P));
  }

  Fp square() {
    return multiply(this);
  }

  /** The multiplicative inverse; p is prime, so every non-zero element has one. */
  Fp inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse in F_p");
    }
    return new Fp(value.modInverse(P));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "0x" + value.toString(16);
  }
}
