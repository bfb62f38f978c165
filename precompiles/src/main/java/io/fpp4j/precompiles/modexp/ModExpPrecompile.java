package io.fpp4j.precompiles.modexp;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;

/**
 * 0x05: {@code base^exponent mod modulus} for arbitrary-length unsigned numbers (EIP-198), priced by EIP-2565
 * (Berlin on). The output is exactly modulus-length bytes, big-endian, left-padded; a zero modulus gives zeros.
 *
 * <p>The arithmetic is {@link BigInteger#modPow}: it is exact for every size, and fast enough for every input the
 * EIP-2565 price lets a block pay for, so no hand-written Montgomery code is warranted here.
 */
public final class ModExpPrecompile implements Precompile {
  /**
   * The longest modulus {@link #run} will allocate. Any modulus longer than 16 MiB costs at least
   * (2^21)^2 / 3, about 1.5 * 10^12 gas, far more than any block carries: the EVM never runs such a call, and
   * {@code run} refuses it instead of allocating gigabytes for a direct caller that ignores gas.
   */
  static final int MAX_MODULUS_LENGTH = 1 << 24;

  @Override
  public String name() {
    return "modexp";
  }

  @Override
  public long gas(byte[] input) {
    return ModExpGas.of(ModExpInput.parse(input));
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    ModExpInput in = ModExpInput.parse(input);
    if (in.modulusLength().signum() == 0) {
      return new byte[0];
    }
    if (in.modulusLength().compareTo(BigInteger.valueOf(MAX_MODULUS_LENGTH)) > 0) {
      throw new PrecompileFailure("modexp modulus length " + in.modulusLength() + " exceeds "
          + MAX_MODULUS_LENGTH + " bytes, whose gas no block can pay");
    }
    int modulusLength = in.modulusLength().intValueExact();
    // The modulus sits after base and exponent. If it starts past the input it is all padding, i.e. zero, and
    // so is the result, whatever the (possibly astronomically long) declared base and exponent. Otherwise base
    // and exponent lie wholly inside the input, so their lengths fit an int and are backed by real bytes.
    BigInteger modulusOffset = in.modulusOffset();
    if (modulusOffset.compareTo(BigInteger.valueOf(input.length)) >= 0) {
      return new byte[modulusLength];
    }
    BigInteger modulus = new BigInteger(1, ModExpInput.padded(input, modulusOffset, modulusLength));
    if (modulus.signum() == 0) {
      return new byte[modulusLength];
    }
    BigInteger base = number(input, ModExpInput.HEADER_LENGTH, in.baseLength());
    BigInteger exponent = number(input, in.exponentOffset(), in.exponentLength());
    // modPow(0, m) is 1 mod m, as EIP-198 wants for 0^0 (and 0 for m = 1).
    return leftPad(base.modPow(exponent, modulus), modulusLength);
  }

  private static BigInteger number(byte[] input, BigInteger offset, BigInteger length) {
    return new BigInteger(1, ModExpInput.padded(input, offset, length.intValueExact()));
  }

  private static byte[] leftPad(BigInteger value, int length) {
    byte[] magnitude = value.toByteArray();
    // toByteArray may carry a leading sign byte of 0; value < modulus guarantees the rest fits in length bytes.
    int significant = Math.min(magnitude.length, length);
    byte[] out = new byte[length];
    System.arraycopy(magnitude, magnitude.length - significant, out, length - significant, significant);
    return out;
  }
}
