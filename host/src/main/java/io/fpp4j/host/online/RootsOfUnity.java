package io.fpp4j.host.online;

import java.math.BigInteger;

/**
 * The EIP-4844 evaluation domain: the 4096th roots of unity of the BLS12-381 scalar field, in bit-reversed
 * order, each as 32 big-endian bytes. Blob field element {@code i} is the blob polynomial's value at root
 * {@code i}, and its preimage key hashes {@code commitment ‖ root_i} (the form both peers use since the
 * 2025 fix; before it they hashed the index {@code i}).
 */
public final class RootsOfUnity {
  /** The BLS12-381 scalar field modulus r. */
  public static final BigInteger BLS_MODULUS =
      new BigInteger("52435875175126190479447740508185965837690552500527637822603658699938581184513");
  /** A generator of the order-2^32 subgroup of r's multiplicative group (the ceremony's choice). */
  static final BigInteger PRIMITIVE_2_32 =
      new BigInteger("10238227357739495823651030575849232062558860180284477541189508159991286009131");
  static final int LOG2_DOMAIN = 12;

  private static final byte[][] ROOTS = compute();

  private RootsOfUnity() {}

  /** Root {@code i} (0 ≤ i < 4096) as 32 big-endian bytes; a fresh copy. */
  public static byte[] root(int i) {
    return ROOTS[i].clone();
  }

  private static byte[][] compute() {
    int n = 1 << LOG2_DOMAIN;
    BigInteger generator = PRIMITIVE_2_32.modPow(BigInteger.ONE.shiftLeft(32 - LOG2_DOMAIN), BLS_MODULUS);
    BigInteger[] natural = new BigInteger[n];
    BigInteger x = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      natural[i] = x;
      x = x.multiply(generator).mod(BLS_MODULUS);
    }
    if (!x.equals(BigInteger.ONE) || natural[n / 2].equals(BigInteger.ONE)) {
      throw new AssertionError("the generator does not have order " + n);
    }
    byte[][] out = new byte[n][];
    for (int i = 0; i < n; i++) {
      int reversed = Integer.reverse(i) >>> (32 - LOG2_DOMAIN);
      out[i] = toBytes32(natural[reversed]);
    }
    return out;
  }

  static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }
}
