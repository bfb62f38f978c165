package io.fpp4j.host.store;

/**
 * The value encoding of the {@code directory} and {@code file} formats: lowercase hex, no {@code 0x}, no
 * newline; an empty value is an empty file. Decoding accepts upper case too (Go's decoder does) and nothing
 * else, naming the file on error.
 */
final class HexContent {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private HexContent() {}

  static byte[] encode(byte[] value) {
    byte[] out = new byte[value.length * 2];
    for (int i = 0; i < value.length; i++) {
      int b = value[i] & 0xff;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0f];
    }
    return out;
  }

  /** Decodes file content, or says what is wrong with it; never returns partial data. */
  static byte[] decode(byte[] content) throws BadContentException {
    if ((content.length & 1) != 0) {
      throw new BadContentException("odd-length hex content (" + content.length + " characters)");
    }
    byte[] out = new byte[content.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((digit(content, 2 * i) << 4) | digit(content, 2 * i + 1));
    }
    return out;
  }

  private static int digit(byte[] content, int pos) throws BadContentException {
    int c = content[pos] & 0xff;
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    String shown = c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    throw new BadContentException("invalid hex character " + shown + " at offset " + pos);
  }

  /** Content that is not a hex-encoded value; the message says why, the caller adds which file. */
  static final class BadContentException extends Exception {
    BadContentException(String reason) {
      super(reason);
    }
  }
}
