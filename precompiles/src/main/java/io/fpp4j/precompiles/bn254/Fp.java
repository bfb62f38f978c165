package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

// Public only because host's Bn254GethTest builds its points with it; the rest of the tower is package-private.
/** An element of the BN254 base field F_p, held as its canonical representative 0 ≤ value < p. */
public record Fp(BigInteger value) implements Field<Fp> {
  /** The base field modulus (EIP-196/197). */
  public static final BigInteger P =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
  public static final Fp ZERO = new Fp(BigInteger.ZERO);
  public static final Fp ONE = new Fp(BigInteger.ONE);

  public Fp {
    if (value.signum() < 0 || value.compareTo(P) >= 0) {
      throw new IllegalArgumentException("not a canonical F_p element (need 0 <= v < p): " + value);
    }
  }

  /** {@code v mod p}, for any integer v. */
  public static Fp of(BigInteger v) {
    return new Fp(v.mod(P));
  }

  public static Fp of(long v) {
    return of(BigInteger.valueOf(v));
  }

  @Override
  public Fp add(Fp o) {
    BigInteger s = value.add(o.value);
    return new Fp(s.compareTo(P) >= 0 ? s.subtract(P) : s);
  }

  @Override
  public Fp sub(Fp o) {
    BigInteger d = value.subtract(o.value);
    return new Fp(d.signum() < 0 ? d.add(P) : d);
  }

  @Override
  public Fp mul(Fp o) {
    return new Fp(value.multiply(o.value).mod(P));
  }

  @Override
  public Fp square() {
    return mul(this);
  }

  @Override
  public Fp neg() {
    return value.signum() == 0 ? this : new Fp(P.subtract(value));
  }

  @Override
  public Fp inverse() {
    if (value.signum() == 0) throw new ArithmeticException("zero has no inverse in F_p");
    return new Fp(value.modInverse(P));
  }

  @Override
  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
