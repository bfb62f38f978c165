package io.fpp4j.proof.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The EIP-4844 evaluation domain: the 4,096th roots of unity of the BLS12-381 scalar field in bit-reversed
 * order. Field element {@code i} of a blob is the blob polynomial evaluated at {@code z(i)}, and the blob
 * preimage key of element {@code i} is {@code 05 ‖ keccak256(commitment ‖ z(i))[1:]}.
 *
 * <p>The generator of the order-2^32 subgroup raised to 2^20 gives a primitive 4,096th root {@code w}; the list
 * {@code w^0 … w^4095} is then permuted by reversing the 12 bits of each index ({@code compute()}). The program reads
 * that list, 4,096 big-endian 32-byte words, from the bundled {@value #TABLE_RESOURCE} instead of computing it: 4,096
 * BigInteger products and remainders are tens of milliseconds on a cold JVM, at every blob-carrying proof; a test
 * holds the table to the computation. (Clients before April 2025 used {@code z = i}; that form is not supported.)
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

  static final String TABLE_RESOURCE = "roots-of-unity.bin";
  private static final byte[] TABLE = readTable();

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

  private static byte[] readTable() {
    try (InputStream in = RootsOfUnity.class.getResourceAsStream(TABLE_RESOURCE)) {
      if (in == null) throw new IllegalStateException("the bundled table " + TABLE_RESOURCE + " is missing from the class path");
      byte[] table = in.readAllBytes();
      if (table.length != FIELD_ELEMENTS_PER_BLOB * 32) {
        throw new IllegalStateException("the bundled table " + TABLE_RESOURCE + " holds " + table.length + " bytes, not "
            + FIELD_ELEMENTS_PER_BLOB * 32);
      }
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled table " + TABLE_RESOURCE, e);
    }
  }

  /** The domain computed from the generator, in bit-reversed order: what the bundled table must hold. */
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
