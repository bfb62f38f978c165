package io.fpp4j.precompiles.modexp;

import java.math.BigInteger;

/**
 * The EIP-198 input: three 32-byte big-endian lengths (base, exponent, modulus), then the three numbers back to
 * back. Input shorter than it claims is read as if right-padded with zeros.
 *
 * <p>The lengths are kept as {@link BigInteger}: they are 256-bit values a caller chooses freely, and nothing may
 * be allocated from them before the gas they imply is known to be payable.
 */
final class ModExpInput {
  private static final int WORD = 32;
  static final BigInteger HEADER_LENGTH = BigInteger.valueOf(3 * WORD);

  private final byte[] input;
  private final BigInteger baseLength;
  private final BigInteger exponentLength;
  private final BigInteger modulusLength;

  private ModExpInput(byte[] input) {
    // Not copied: this view lives only for one gas or run call on an input the caller does not change meanwhile.
    this.input = input;
    this.baseLength = unsigned(input, 0);
    this.exponentLength = unsigned(input, WORD);
    this.modulusLength = unsigned(input, 2 * WORD);
  }

  static ModExpInput parse(byte[] input) {
    return new ModExpInput(input);
  }

  BigInteger baseLength() {
    return baseLength;
  }

  BigInteger exponentLength() {
    return exponentLength;
  }

  BigInteger modulusLength() {
    return modulusLength;
  }

  private static BigInteger unsigned(byte[] input, int offset) {
    return new BigInteger(1, padded(input, BigInteger.valueOf(offset), WORD));
  }

  BigInteger exponentOffset() {
    return HEADER_LENGTH.add(baseLength);
  }

  BigInteger modulusOffset() {
    return exponentOffset().add(exponentLength);
  }

  /**
   * The first {@code min(32, exponent length)} bytes of the exponent as a number: all that EIP-2565's iteration
   * count looks at.
   */
  BigInteger exponentHead() {
    int length = exponentLength.min(BigInteger.valueOf(WORD)).intValueExact();
    return new BigInteger(1, padded(input, exponentOffset(), length));
  }

  /**
   * {@code length} bytes of the input from {@code offset}, zero beyond its end. {@code offset} may be any size:
   * bytes past the input are zeros, so nothing is read or allocated for them beyond {@code length}.
   */
  static byte[] padded(byte[] input, BigInteger offset, int length) {
    byte[] out = new byte[length];
    if (offset.compareTo(BigInteger.valueOf(input.length)) < 0) {
      int from = offset.intValueExact();
      System.arraycopy(input, from, out, 0, Math.min(length, input.length - from));
    }
    return out;
  }
}
