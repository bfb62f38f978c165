package io.fpp4j.proof.blob;

import java.math.BigInteger;

/**
 * The EIP-4844 evaluation domain: the 4,096th roots of unity of the BLS12-381 scalar field in bit-reversed
 * order. Field element {@code i} of a blob is the blob polynomial evaluated at {@code z(i)}, and the blob
 * preimage key of element {@code i} is {@code 05 ‖ keccak256(commitment ‖ z(i))[1:]}.
 *
 * <p>Computed once with {@link BigInteger}: the generator of the order-2^32 subgroup raised to 2^20 gives a
 * primitive 4,096th root {@code w}; the list {@code w^0 … w^4095} is then permuted by reversing the 12 bits
 * of each index. (Clients before April 2025 used {@code z = i}; that form is not supported.)
 */
public final class RootsOfUnity {
  /** The BLS12-381 scalar field modulus r. */
  public static final BigInteger BLS_MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  /** A generator of the multiplicative subgroup of order 2^32. */
  public static final BigInteger GENERATOR_2_32 =
      new BigInteger("10238227357739495823651030575849232062558860180284477541189508159991286009131");
  public static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  private static final int LOG2_ELEMENTS = 12;

  private static final BigInteger[] ROOTS = compute();
  private static final byte[][] ROOT_BYTES = toBytes(ROOTS);

  private RootsOfUnity() {}

  /** The evaluation point of field element {@code i} as 32 big-endian bytes (a fresh array). */
  public static byte[] z(int i) {
    return ROOT_BYTES[check(i)].clone();
  }

  /** The evaluation point of field element {@code i}. */
  public static BigInteger value(int i) {
    return ROOTS[check(i)];
  }

  /** Reverses the low 12 bits of {@code i}. */
  static int reverseBits(int i) {
    return Integer.reverse(i) >>> (32 - LOG2_ELEMENTS);
  }

  private static int check(int i) {
    if (i < 0 || i >= FIELD_ELEMENTS_PER_BLOB) {
      throw new IndexOutOfBoundsException("field element index must be in [0, 4096), got " + i);
    }
    return i;
  }

  private static BigInteger[] compute() {
    BigInteger w = GENERATOR_2_32.modPow(BigInteger.ONE.shiftLeft(32 - LOG2_ELEMENTS), BLS_MODULUS);
    BigInteger[] natural = new BigInteger[FIELD_ELEMENTS_PER_BLOB];
    BigInteger acc = BigInteger.ONE;
    for (int i = 0; i < FIELD_ELEMENTS_PER_BLOB; i++) {
      natural[i] = acc;
      acc = acc.multiply(w).mod(BLS_MODULUS);
    }
    if (!acc.equals(BigInteger.ONE)) throw new AssertionError("w^4096 != 1: wrong generator");
    BigInteger[] out = new BigInteger[FIELD_ELEMENTS_PER_BLOB];
    for (int i = 0; i < FIELD_ELEMENTS_PER_BLOB; i++) out[i] = natural[reverseBits(i)];
    return out;
  }

  private static byte[][] toBytes(BigInteger[] values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) out[i] = toBytes32(values[i]);
    return out;
  }

  static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
