package io.fpp4j.host.serve;

/** A hint's text as the client sent it, shortened for a log line or an error message. */
final class HintText {
  /** Longest hint text quoted in a message; bulk hints can be megabytes of hex. */
  private static final int QUOTE_LIMIT = 160;

  private HintText() {}

  /** {@code 'text'}, or its first characters and its length when it is long. */
  static String quoted(String text) {
    return "'" + shortened(text) + "'";
  }

  static String shortened(String text) {
    return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT - 3) + "... (" + text.length() + " chars)";
  }
}
