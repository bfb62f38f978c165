package io.fpp4j.precompiles.bls;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·u} of Fp2 = Fp[u]/(u² + 1), the field of BLS12-381's G2 coordinates (EIP-2537's
 * non-residue is p − 1, so u² = −1). {@link #FIELD} is its arithmetic.
 */
record BlsFp2(BigInteger c0, BigInteger c1) {
  static final BlsField<BlsFp2> FIELD = new Arithmetic();
  static final BlsFp2 ZERO = new BlsFp2(BigInteger.ZERO, BigInteger.ZERO);
  static final BlsFp2 ONE = new BlsFp2(BigInteger.ONE, BigInteger.ZERO);

  static BlsFp2 of(long c0, long c1) {
    return new BlsFp2(BlsFp.of(c0), BlsFp.of(c1));
  }

  static BlsFp2 hex(String c0, String c1) {
    return new BlsFp2(new BigInteger(c0, 16), new BigInteger(c1, 16));
  }

  /** The norm c0² + c1², an Fp element that is a square iff this element is. */
  BigInteger norm() {
    return c0.multiply(c0).add(c1.multiply(c1)).mod(BlsFp.P);
  }

  private static final class Arithmetic implements BlsField<BlsFp2> {
    private static final BlsFp FP = BlsFp.FIELD;
    private static final BigInteger HALF = BigInteger.TWO.modInverse(BlsFp.P);

    @Override
    public BlsFp2 zero() {
      return ZERO;
    }

    @Override
    public BlsFp2 one() {
      return ONE;
    }

    @Override
    public BlsFp2 add(BlsFp2 a, BlsFp2 b) {
      return new BlsFp2(FP.add(a.c0, b.c0), FP.add(a.c1, b.c1));
    }

    @Override
    public BlsFp2 sub(BlsFp2 a, BlsFp2 b) {
      return new BlsFp2(FP.sub(a.c0, b.c0), FP.sub(a.c1, b.c1));
    }

    @Override
    public BlsFp2 mul(BlsFp2 a, BlsFp2 b) {
      BigInteger re = a.c0.multiply(b.c0).subtract(a.c1.multiply(b.c1)).mod(BlsFp.P);
      BigInteger im = a.c0.multiply(b.c1).add(a.c1.multiply(b.c0)).mod(BlsFp.P);
      return new BlsFp2(re, im);
    }

    @Override
    public BlsFp2 neg(BlsFp2 a) {
      return new BlsFp2(FP.neg(a.c0), FP.neg(a.c1));
    }

    @Override
    public BlsFp2 inv0(BlsFp2 a) {
      // 1/(c0 + c1·u) = (c0 − c1·u)/(c0² + c1²)
      BigInteger n = FP.inv0(a.norm());
      return new BlsFp2(FP.mul(a.c0, n), FP.neg(FP.mul(a.c1, n)));
    }

    @Override
    public boolean isZero(BlsFp2 a) {
      return a.c0.signum() == 0 && a.c1.signum() == 0;
    }

    @Override
    public boolean isSquare(BlsFp2 a) {
      return FP.isSquare(a.norm());
    }

    @Override
    public BlsFp2 sqrt(BlsFp2 a) {
      // (x0 + x1·u)² = a gives x0² − x1² = a0 and 2·x0·x1 = a1, so x0² = (a0 ± √norm(a))/2.
      if (a.c1.signum() == 0) {
        // An Fp element: its own root in Fp, or −1 is a non-square so −a0 has one and (x1·u)² = −x1².
        if (FP.isSquare(a.c0)) return new BlsFp2(FP.sqrt(a.c0), BigInteger.ZERO);
        return new BlsFp2(BigInteger.ZERO, FP.sqrt(FP.neg(a.c0)));
      }
      BigInteger n = FP.sqrt(a.norm());
      BigInteger t = FP.mul(FP.add(a.c0, n), HALF);
      // The two candidates multiply to −a1²/4, a non-square, so exactly one is a square.
      if (!FP.isSquare(t)) t = FP.mul(FP.sub(a.c0, n), HALF);
      BigInteger x0 = FP.sqrt(t);
      BigInteger x1 = FP.mul(a.c1, FP.inv0(FP.add(x0, x0)));
      BlsFp2 root = new BlsFp2(x0, x1);
      if (!mul(root, root).equals(a)) throw new IllegalArgumentException(a + " is not a square in Fp2");
      return root;
    }

    @Override
    public int sgn0(BlsFp2 a) {
      int sign0 = a.c0.testBit(0) ? 1 : 0;
      int zero0 = a.c0.signum() == 0 ? 1 : 0;
      int sign1 = a.c1.testBit(0) ? 1 : 0;
      return sign0 | (zero0 & sign1);
    }
  }

  @Override
  public String toString() {
    return "0x" + c0.toString(16) + " + 0x" + c1.toString(16) + "·u";
  }
}
