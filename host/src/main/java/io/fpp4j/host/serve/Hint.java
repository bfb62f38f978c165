package io.fpp4j.host.serve;

import io.fpp4j.primitives.Hex;

/**
 * A parsed hint: {@code <type> <hex data>}, the text form both peers send. The data may carry a {@code 0x}
 * prefix (Kona's clients send one, op-program's require one) and may be empty ({@code "name 0x"} or
 * {@code "name "}). Exactly one space separates the two parts.
 *
 * @param type the hint type, such as {@code l1-block-header}
 * @param data the decoded payload
 * @param text the hint as the client sent it, for logs and error messages
 */
public record Hint(String type, byte[] data, String text) {
  /** Longest hint text quoted in a message; bulk hints can be megabytes of hex. */
  private static final int QUOTE_LIMIT = 160;

  /**
   * Parses a hint.
   *
   * @throws InvalidHintException if the text is not {@code <type> <hex>} or the hex is malformed
   */
  public static Hint parse(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new InvalidHintException("hint '" + quote(text) + "' has no data part: a hint is '<type> <hex data>'");
    }
    if (text.indexOf(' ', space + 1) >= 0) {
      throw new InvalidHintException("hint '" + quote(text) + "' has more than two space-separated parts: "
          + "a hint is '<type> <hex data>'");
    }
    String type = text.substring(0, space);
    if (type.isEmpty()) throw new InvalidHintException("hint '" + quote(text) + "' has an empty type");
    byte[] data;
    try {
      data = Hex.decode(text.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidHintException("hint '" + quote(text) + "' has malformed hex data: " + e.getMessage(), e);
    }
    return new Hint(type, data, text);
  }

  /** The hint text, shortened for a log line or an error message. */
  public String quoted() {
    return quote(text);
  }

  static String quote(String s) {
    return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT - 3) + "... (" + s.length() + " chars)";
  }

  @Override
  public String toString() {
    return "'" + quoted() + "'";
  }
}
