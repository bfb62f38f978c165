package io.fpp4j.proof.blob;

import io.fpp4j.primitives.Uint64;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The EIP-4844 evaluation domain: the 4,096th roots of unity of the BLS12-381 scalar field in bit-reversed
 * order. Field element {@code i} of a blob is the blob polynomial evaluated at {@code z(i)}, and the blob
 * preimage key of element {@code i} is {@code 05 ‖ keccak256(commitment ‖ z(i))[1:]}.
 *
 * <p>The generator of the order-2^32 subgroup raised to 2^20 gives a primitive 4,096th root {@code w}; the list
 * {@code w^0 … w^4095} is then permuted by reversing the 12 bits of each index ({@code compute()}, with BigInteger).
 * The program builds the list once per JVM with the 4,095 products in Montgomery form on 64-bit limbs
 * ({@link #montgomeryTable()}), written here rather than taken from a library because every blob-carrying proof pays
 * for it on a cold JVM: with BigInteger it was tens of milliseconds, and reading a bundled table from the jar cost
 * about 16 ms of the JDK's jar and zip machinery, against about 8 ms for this class's initialisation (the class-load
 * timeline of a devnet run, docs/performance.md, issue 14). A test holds it to {@code compute()} element by element. (Clients before
 * April 2025 used {@code z = i}; that form is not supported.)
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

  private RootsOfUnity() {}

  /** The evaluation point of field element {@code i} as 32 big-endian bytes (a fresh array). */
  public static byte[] z(int i) {
    int from = check(i) * 32;
    return Arrays.copyOfRange(TABLE, from, from + 32);
  }

  /** The evaluation point of field element {@code i}. */
  public static BigInteger value(int i) {
    return new BigInteger(1, z(i));
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

  // Montgomery arithmetic modulo r with R = 2^256, on four 64-bit limbs, least significant first.
  private static final long[] R_LIMBS = limbs(BLS_MODULUS);
  /** -r^-1 mod 2^64, by Newton's iteration (each step doubles the correct low bits; r is odd). */
  private static final long R_NEG_INV;

  static {
    long inv = 1;
    for (int k = 0; k < 6; k++) inv *= 2 - R_LIMBS[0] * inv;
    R_NEG_INV = -inv;
  }

  // After the constants above, which class initialisation sets in textual order.
  private static final byte[] TABLE = montgomeryTable();

  /**
   * The domain in bit-reversed order as 4,096 big-endian 32-byte words. Each step multiplies the previous power,
   * held in plain form, by {@code w·R mod r}: a Montgomery product divides by R, so the result stays in plain form.
   */
  static byte[] montgomeryTable() {
    BigInteger w = GENERATOR_2_32.modPow(BigInteger.ONE.shiftLeft(32 - LOG2_ELEMENTS), BLS_MODULUS);
    long[] wMont = limbs(w.shiftLeft(256).mod(BLS_MODULUS));
    byte[] table = new byte[FIELD_ELEMENTS_PER_BLOB * 32];
    long[] acc = {1, 0, 0, 0};
    long[] t = new long[6];
    for (int k = 0; k < FIELD_ELEMENTS_PER_BLOB; k++) {
      int at = reverseBits(k) * 32;
      for (int limb = 0; limb < 4; limb++) {
        long v = acc[3 - limb];
        for (int b = 0; b < 8; b++) table[at + limb * 8 + b] = (byte) (v >>> (56 - 8 * b));
      }
      montgomeryMultiply(acc, wMont, t);
    }
    if (acc[0] != 1 || acc[1] != 0 || acc[2] != 0 || acc[3] != 0) throw new AssertionError("w^4096 != 1: wrong generator");
    return table;
  }

  /** {@code a = a·b·R^-1 mod r} (CIOS), for a and b below r; {@code t} is scratch of six limbs. */
  static void montgomeryMultiply(long[] a, long[] b, long[] t) {
    Arrays.fill(t, 0);
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      for (int j = 0; j < 4; j++) carry = multiplyAdd(t, j, a[j], b[i], carry, j);
      long s = t[4] + carry;
      t[5] = Long.compareUnsigned(s, carry) < 0 ? 1 : 0;
      t[4] = s;
      long m = t[0] * R_NEG_INV;
      // Adding m·r makes the low word 0 (the choice of m); the words shift down by one as they are written, so
      // the j = 0 word lands in t[0] and the j = 1 word then replaces it.
      carry = 0;
      for (int j = 0; j < 4; j++) carry = multiplyAdd(t, j, m, R_LIMBS[j], carry, Math.max(j - 1, 0));
      s = t[4] + carry;
      t[3] = s;
      t[4] = t[5] + (Long.compareUnsigned(s, carry) < 0 ? 1 : 0);
    }
    // The result is below 2r; one subtraction brings it below r.
    boolean geq = t[4] != 0;
    if (!geq) {
      geq = true;
      for (int j = 3; j >= 0; j--) {
        int c = Long.compareUnsigned(t[j], R_LIMBS[j]);
        if (c != 0) {
          geq = c > 0;
          break;
        }
      }
    }
    long borrow = 0;
    for (int j = 0; j < 4; j++) {
      long sub = geq ? R_LIMBS[j] : 0;
      long d1 = t[j] - sub;
      long d2 = d1 - borrow;
      borrow = (Long.compareUnsigned(t[j], sub) < 0 ? 1 : 0) | (Long.compareUnsigned(d1, borrow) < 0 ? 1 : 0);
      a[j] = d2;
    }
  }

  /** {@code t[to] = low(t[j] + x·y + carry)}; returns the high word, the next carry (it cannot overflow). */
  private static long multiplyAdd(long[] t, int j, long x, long y, long carry, int to) {
    long lo = x * y;
    long hi = Uint64.multiplyHigh(x, y);
    long s1 = t[j] + lo;
    hi += Long.compareUnsigned(s1, lo) < 0 ? 1 : 0;
    long s2 = s1 + carry;
    hi += Long.compareUnsigned(s2, s1) < 0 ? 1 : 0;
    t[to] = s2;
    return hi;
  }

  /** {@code v} (below 2^256) as four 64-bit limbs, least significant first. */
  static long[] limbs(BigInteger v) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) out[i] = v.shiftRight(64 * i).longValue();
    return out;
  }

  /** The domain computed from the generator with BigInteger, in bit-reversed order: what the table must hold. */
  static BigInteger[] compute() {
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

  static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
