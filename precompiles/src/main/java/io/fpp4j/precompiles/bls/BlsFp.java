package io.fpp4j.precompiles.bls;

import java.math.BigInteger;

/** The BLS12-381 base field Fp, on {@link BigInteger}s in {@code [0, p)}. */
final class BlsFp implements BlsField<BigInteger> {
  /** The base field modulus p (EIP-2537, "Curve parameters"). */
  static final BigInteger P = new BigInteger(
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
  static final BlsFp FIELD = new BlsFp();

  // p = 3 mod 4: a square root is a^((p+1)/4), and a is a square iff a^((p-1)/2) is 0 or 1.
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);
  private static final BigInteger LEGENDRE_EXPONENT = P.subtract(BigInteger.ONE).shiftRight(1);

  private BlsFp() {}

  static BigInteger of(long v) {
    return BigInteger.valueOf(v).mod(P);
  }

  @Override
  public BigInteger zero() {
    return BigInteger.ZERO;
  }

  @Override
  public BigInteger one() {
    return BigInteger.ONE;
  }

  @Override
  public BigInteger add(BigInteger a, BigInteger b) {
    BigInteger s = a.add(b);
    return s.compareTo(P) >= 0 ? s.subtract(P) : s;
  }

  @Override
  public BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger d = a.subtract(b);
    return d.signum() < 0 ? d.add(P) : d;
  }

  @Override
  public BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(P);
  }

  @Override
  public BigInteger neg(BigInteger a) {
    return a.signum() == 0 ? a : P.subtract(a);
  }

  @Override
  public BigInteger inv0(BigInteger a) {
    return a.signum() == 0 ? a : a.modInverse(P);
  }

  @Override
  public boolean isZero(BigInteger a) {
    return a.signum() == 0;
  }

  @Override
  public boolean isSquare(BigInteger a) {
    return a.signum() == 0 || a.modPow(LEGENDRE_EXPONENT, P).equals(BigInteger.ONE);
  }

  @Override
  public BigInteger sqrt(BigInteger a) {
    BigInteger s = a.modPow(SQRT_EXPONENT, P);
    if (!mul(s, s).equals(a)) throw new IllegalArgumentException("0x" + a.toString(16) + " is not a square in Fp");
    return s;
  }

  @Override
  public int sgn0(BigInteger a) {
    return a.testBit(0) ? 1 : 0;
  }
}
