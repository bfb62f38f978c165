package io.fpp4j.primitives;

/** Unsigned 64-bit arithmetic that Java 17 lacks. */
public final class Uint64 {
  private Uint64() {}

  /**
   * The high 64 bits of the unsigned 128-bit product {@code x·y}: {@code Math.unsignedMultiplyHigh}, which is JDK 18+.
   * Derived from the signed high word: reading a negative long as unsigned adds 2⁶⁴ to it, which adds the other
   * factor to the high word.
   */
  public static long multiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }
}
