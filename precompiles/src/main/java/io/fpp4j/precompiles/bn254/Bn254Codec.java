package io.fpp4j.precompiles.bn254;

import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;

/**
 * EIP-196 and EIP-197's encodings, shared by add, mul and the pairing: a G1 point is two 32-byte big-endian coordinates
 * below p, all zeros is the point at infinity; a scalar is a 32-byte big-endian unsigned number.
 */
final class Bn254Codec {
  static final int WORD = 32;
  static final int POINT = 2 * WORD;

  private Bn254Codec() {}

  /** The first {@code length} bytes of {@code input}, zero-padded on the right: how add and mul read input. */
  static byte[] padded(byte[] input, int length) {
    byte[] out = new byte[length];
    System.arraycopy(input, 0, out, 0, Math.min(length, input.length));
    return out;
  }

  /** The G1 point at {@code at}; fails on a coordinate not below p or a point off the curve. */
  static Point<Fp> point(byte[] in, int at, String where) throws PrecompileFailure {
    if (allZero(in, at, POINT)) return Point.infinity();
    Point<Fp> p = Point.of(coordinate(in, at, where + ": G1 x"), coordinate(in, at + WORD, where + ": G1 y"));
    // The G1 cofactor is one: on the curve means in the group.
    if (!Bn254.G1.isOnCurve(p)) throw new PrecompileFailure(where + ": G1 point " + p + " is not on the curve y^2 = x^3 + 3");
    return p;
  }

  static Fp coordinate(byte[] in, int at, String what) throws PrecompileFailure {
    BigInteger v = word(in, at);
    if (v.compareTo(Fp.P) >= 0) throw new PrecompileFailure(what + " 0x" + v.toString(16) + " is not below the field modulus p");
    return new Fp(v);
  }

  static BigInteger word(byte[] in, int at) {
    byte[] word = new byte[WORD];
    System.arraycopy(in, at, word, 0, WORD);
    return new BigInteger(1, word);
  }

  static boolean allZero(byte[] in, int at, int length) {
    for (int i = at; i < at + length; i++) {
      if (in[i] != 0) return false;
    }
    return true;
  }

  /** The 64-byte encoding of {@code point}; infinity is all zeros. */
  static byte[] encode(Point<Fp> point) {
    byte[] out = new byte[POINT];
    if (!point.isInfinity()) {
      putWord(point.x().value(), out, 0);
      putWord(point.y().value(), out, WORD);
    }
    return out;
  }

  private static void putWord(BigInteger value, byte[] out, int offset) {
    byte[] magnitude = value.toByteArray();
    // toByteArray may add a leading sign byte; the value itself is below p < 2^256.
    int significant = Math.min(magnitude.length, WORD);
    System.arraycopy(magnitude, magnitude.length - significant, out, offset + WORD - significant, significant);
  }
}
