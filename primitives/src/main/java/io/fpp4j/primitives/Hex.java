package io.fpp4j.primitives;

/**
 * Strict hexadecimal codec. Encoding is always lowercase; decoding accepts upper and lower case and an
 * optional {@code 0x} prefix, and rejects odd lengths and non-hex characters with a message that names
 * the offending position.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Lowercase hex, no prefix. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /** Lowercase hex of {@code bytes[off, off+len)}, no prefix. */
  public static String encode(byte[] bytes, int off, int len) {
    char[] out = new char[len * 2];
    for (int i = 0; i < len; i++) {
      int b = bytes[off + i] & 0xff;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0f];
    }
    return new String(out);
  }

  /** Lowercase hex with a {@code 0x} prefix. */
  public static String prefixed(byte[] bytes) {
    return "0x" + encode(bytes);
  }

  /** Decodes hex with or without a {@code 0x}/{@code 0X} prefix. */
  public static byte[] decode(CharSequence hex) {
    int start = hasPrefix(hex) ? 2 : 0;
    return decodeDigits(hex, start);
  }

  /** Decodes hex that must carry a {@code 0x} prefix (JSON-RPC quantities and data). */
  public static byte[] decodePrefixed(CharSequence hex) {
    if (!hasPrefix(hex)) {
      throw new IllegalArgumentException("hex string must start with 0x: " + abbreviate(hex));
    }
    return decodeDigits(hex, 2);
  }

  /** Decodes exactly {@code length} bytes, failing with a message naming what was expected. */
  public static byte[] decode(CharSequence hex, int length, String what) {
    byte[] out = decode(hex);
    if (out.length != length) {
      throw new IllegalArgumentException(
          what + " must be " + length + " bytes, got " + out.length + ": " + abbreviate(hex));
    }
    return out;
  }

  private static boolean hasPrefix(CharSequence hex) {
    return hex.length() >= 2 && hex.charAt(0) == '0' && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X');
  }

  private static byte[] decodeDigits(CharSequence hex, int start) {
    int n = hex.length() - start;
    if ((n & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits (" + n + "): " + abbreviate(hex));
    }
    byte[] out = new byte[n / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex, start + 2 * i);
      int lo = digit(hex, start + 2 * i + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(CharSequence hex, int pos) {
    char c = hex.charAt(pos);
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw new IllegalArgumentException(
        "invalid hex character '" + printable(c) + "' at position " + pos + ": " + abbreviate(hex));
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }

  static String abbreviate(CharSequence s) {
    return s.length() <= 80 ? s.toString() : s.subSequence(0, 77) + "...";
  }
}
