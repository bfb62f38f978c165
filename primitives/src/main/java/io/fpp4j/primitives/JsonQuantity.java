package io.fpp4j.primitives;

import java.math.BigInteger;

/**
 * JSON-RPC quantities: {@code 0x} followed by the minimal lowercase or uppercase hex digits of an
 * unsigned number ({@code 0x0} for zero). Leading zero digits, an empty digit string and a missing prefix
 * are rejected, as go-ethereum's hexutil does.
 */
public final class JsonQuantity {
  private JsonQuantity() {}

  /** Parses an unsigned 64-bit quantity; values of 2^63 and above come back as negative longs. */
  public static long parseU64(String s, String what) {
    BigInteger v = parseBig(s, 64, what);
    return v.longValue();
  }

  public static BigInteger parseBig(String s, int maxBits, String what) {
    if (s.length() < 3 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      throw new IllegalArgumentException(what + " must be a 0x-prefixed hex quantity, got \"" + s + "\"");
    }
    if (s.length() > 3 && s.charAt(2) == '0') {
      throw new IllegalArgumentException(what + " has leading zero digits: \"" + s + "\"");
    }
    for (int i = 2; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
        throw new IllegalArgumentException(what + " has a non-hex character at position " + i + ": \"" + s + "\"");
      }
    }
    BigInteger v = new BigInteger(s.substring(2), 16);
    if (v.bitLength() > maxBits) {
      throw new IllegalArgumentException(what + " exceeds " + maxBits + " bits: \"" + s + "\"");
    }
    return v;
  }

  /** Formats an unsigned 64-bit value. */
  public static String format(long v) {
    return "0x" + Long.toHexString(v);
  }

  public static String format(BigInteger v) {
    return "0x" + v.toString(16);
  }
}
