package io.fpp4j.precompiles.altbn;

import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;

/**
 * EIP-196's encodings: a point is two 32-byte big-endian coordinates, infinity is (0, 0); a scalar is a 32-byte
 * big-endian unsigned number. Input is read as if right-padded with zeros to the length the precompile needs;
 * bytes beyond it are ignored.
 */
final class G1Codec {
  static final int WORD = 32;
  static final int POINT = 2 * WORD;

  private G1Codec() {}

  /** The first {@code length} bytes of {@code input}, zero-padded on the right if it is shorter. */
  static byte[] padded(byte[] input, int length) {
    byte[] out = new byte[length];
    System.arraycopy(input, 0, out, 0, Math.min(length, input.length));
    return out;
  }

  /**
   * The point at {@code offset}.
   *
   * @throws PrecompileFailure if a coordinate is not below p or the point is not on the curve, which makes the
   *     EVM call fail
   */
  static G1Point point(byte[] data, int offset) throws PrecompileFailure {
    BigInteger x = word(data, offset);
    BigInteger y = word(data, offset + WORD);
    if (x.compareTo(Fp.P) >= 0 || y.compareTo(Fp.P) >= 0) {
      throw new PrecompileFailure("BN254 point coordinate is not below the field modulus p: x = 0x"
          + x.toString(16) + ", y = 0x" + y.toString(16));
    }
    try {
      return G1Point.of(Fp.of(x), Fp.of(y));
    } catch (IllegalArgumentException e) {
      throw new PrecompileFailure(e.getMessage(), e);
    }
  }

  static BigInteger word(byte[] data, int offset) {
    byte[] word = new byte[WORD];
    System.arraycopy(data, offset, word, 0, WORD);
    return new BigInteger(1, word);
  }

  /** The 64-byte encoding of {@code point}; infinity is all zeros. */
  static byte[] encode(G1Point point) {
    byte[] out = new byte[POINT];
    if (!point.isInfinity()) {
      putWord(point.x().toBigInteger(), out, 0);
      putWord(point.y().toBigInteger(), out, WORD);
    }
    return out;
  }

  private static void putWord(BigInteger value, byte[] out, int offset) {
    byte[] magnitude = value.toByteArray();
    // A leading sign byte of 0 may make toByteArray 33 bytes long; the value itself is below p < 2^256.
    int significant = Math.min(magnitude.length, WORD);
    System.arraycopy(magnitude, magnitude.length - significant, out, offset + WORD - significant, significant);
  }
}
