package io.fpp4j.host.local;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict JSON checker over bytes (RFC 8259, as Jackson reads it with duplicate detection on): it builds nothing,
 * and finds where one top-level member's value lies.
 *
 * <p>It exists for op-geth genesis files, which the host must accept or refuse whole but of which it reads only
 * {@code config}: the rest is the {@code alloc}, 9 MB on the devnet. Jackson's tokenizer took 0.27 to 0.38 s of a
 * cold start to walk it (0.06 s warm), about a fifth of a host run op-challenger starts once per proof; this loop
 * is small enough to be compiled within the first megabyte and takes a few tens of milliseconds cold. Jackson still
 * reads the member itself. {@code JsonScanTest} holds it to Jackson's verdict on valid documents and on thousands of
 * damaged ones.
 *
 * <p>Checked: one object and nothing after it but whitespace; strings closed, without raw control characters,
 * escapes valid; numbers in JSON's grammar; the three literals; commas and colons; no member repeated in any object
 * (names compared decoded, as Jackson does); UTF-8 sequences in strings well formed; nesting at most
 * {@value #MAX_DEPTH} deep (Jackson's default limit).
 */
final class JsonScan {
  static final int MAX_DEPTH = 1000;
  static final String NOT_AN_OBJECT = "expected a JSON object";

  /** Where a member's value lies: {@code bytes[start, end)}. */
  record Span(int start, int end) {
    int length() {
      return end - start;
    }
  }

  /** What is wrong, and where (1-based line and column, counted in bytes). */
  static final class Malformed extends Exception {
    final int line;
    final int column;

    Malformed(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private final byte[] b;
  private int i;

  private JsonScan(byte[] bytes) {
    this.b = bytes;
  }

  /**
   * Checks that {@code bytes} hold one JSON object; returns the span of its top-level member {@code member}'s value,
   * or null if it has none (or {@code member} is null).
   */
  static Span member(byte[] bytes, String member) throws Malformed {
    JsonScan s = new JsonScan(bytes);
    s.i = objectStart(bytes);
    if (s.i >= bytes.length || bytes[s.i] != '{') throw s.error(NOT_AN_OBJECT);
    Span found = s.object(1, member);
    s.skipWhitespace();
    if (s.i < bytes.length) throw s.error("unexpected content after the object");
    return found;
  }

  /**
   * The JSON text {@code bytes[start, end)}, already checked, without the whitespace between its tokens: every
   * string and number stays exactly as written.
   */
  static byte[] compact(byte[] bytes, int start, int end) {
    byte[] out = new byte[end - start];
    int n = 0;
    boolean inString = false;
    for (int k = start; k < end; k++) {
      byte c = bytes[k];
      if (inString) {
        if (c == '\\') {
          out[n++] = c;
          c = bytes[++k];
        } else if (c == '"') {
          inString = false;
        }
      } else if (isWhitespace(c)) {
        continue;
      } else if (c == '"') {
        inString = true;
      }
      out[n++] = c;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Where the object starts: after a byte-order mark, if any, and whitespace. */
  static int objectStart(byte[] bytes) {
    int k = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    while (k < bytes.length && isWhitespace(bytes[k])) k++;
    return k;
  }

  /** JSON's four whitespace bytes (RFC 8259, section 2); nothing else may stand between tokens. */
  private static boolean isWhitespace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** An object at {@code b[i] == '{'}; with {@code member} non-null, returns that member's span. */
  private Span object(int depth, String member) throws Malformed {
    if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    i++;
    skipWhitespace();
    if (peek() == '}') {
      i++;
      return null;
    }
    Set<String> names = null;
    String first = null;
    Span found = null;
    while (true) {
      if (peek() != '"') throw error("expected a member name in double quotes");
      int nameAt = i;
      String name = string(true);
      // Most objects in a genesis file have one or two members: no set until a third.
      if (first == null) {
        first = name;
      } else {
        if (names == null) {
          names = new HashSet<>();
          names.add(first);
        }
        if (!names.add(name)) {
          i = nameAt;
          throw error("duplicate member \"" + name + "\"");
        }
      }
      skipWhitespace();
      if (peek() != ':') throw error("expected ':' after a member name");
      i++;
      skipWhitespace();
      int start = i;
      value(depth);
      if (member != null && member.equals(name)) found = new Span(start, i);
      skipWhitespace();
      int c = peek();
      if (c == ',') {
        i++;
        skipWhitespace();
      } else if (c == '}') {
        i++;
        return found;
      } else {
        throw error("expected ',' or '}' in an object");
      }
    }
  }

  private void array(int depth) throws Malformed {
    if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
    i++;
    skipWhitespace();
    if (peek() == ']') {
      i++;
      return;
    }
    while (true) {
      value(depth);
      skipWhitespace();
      int c = peek();
      if (c == ',') {
        i++;
        skipWhitespace();
      } else if (c == ']') {
        i++;
        return;
      } else {
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private void value(int depth) throws Malformed {
    int c = peek();
    switch (c) {
      case '{' -> object(depth + 1, null);
      case '[' -> array(depth + 1);
      case '"' -> string(false);
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) number();
        else if (c < 0) throw error("unexpected end of input, expected a value");
        else throw error("unexpected character " + describe(c) + ", expected a value");
      }
    }
  }

  /** A string at {@code b[i] == '"'}; returns it decoded when {@code decode}, else null. */
  private String string(boolean decode) throws Malformed {
    int start = ++i;
    boolean escaped = false;
    while (true) {
      if (i >= b.length) throw error("unexpected end of input in a string");
      int c = b[i] & 0xff;
      if (c == '"') break;
      if (c < 0x20) throw error("raw control character " + describe(c) + " in a string");
      if (c >= 0x80) {
        utf8Sequence(c);
        continue;
      }
      if (c == '\\') {
        escaped = true;
        i++;
        int e = peek();
        if (e == 'u') {
          for (int k = 1; k <= 4; k++) {
            if (i + k >= b.length || Character.digit(b[i + k], 16) < 0) {
              i += k;
              throw error("\\u must be followed by four hex digits");
            }
          }
          i += 4;
        } else if ("\"\\/bfnrt".indexOf(e) < 0 || e < 0) {
          throw error("invalid escape " + (e < 0 ? "at end of input" : "\\" + (char) e));
        }
      }
      i++;
    }
    int end = i++;
    if (!decode) return null;
    return escaped ? unescape(start, end) : new String(b, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * One multi-byte UTF-8 sequence in a string, starting at {@code b[i] == lead}: its length from the lead byte and
   * continuation bytes after it, as Jackson checks them (it does not refuse overlong forms, so neither does this).
   */
  private void utf8Sequence(int lead) throws Malformed {
    int n;
    if ((lead & 0xe0) == 0xc0) n = 1;
    else if ((lead & 0xf0) == 0xe0) n = 2;
    else if ((lead & 0xf8) == 0xf0) n = 3;
    else throw error("invalid UTF-8 start byte " + describe(lead) + " in a string");
    for (int k = 1; k <= n; k++) {
      if (i + k >= b.length) {
        i += k;
        throw error("unexpected end of input in a UTF-8 sequence");
      }
      if ((b[i + k] & 0xc0) != 0x80) {
        i += k;
        throw error("invalid UTF-8 continuation byte " + describe(b[i] & 0xff) + " in a string");
      }
    }
    i += n + 1;
  }

  /** A checked string's contents with its escapes applied (member names only: they are compared decoded). */
  private String unescape(int start, int end) {
    StringBuilder s = new StringBuilder(end - start);
    int run = start;
    for (int k = start; k < end; k++) {
      if (b[k] != '\\') continue;
      s.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      char e = (char) b[++k];
      switch (e) {
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'u' -> {
          s.append((char) Integer.parseInt(new String(b, k + 1, 4, StandardCharsets.US_ASCII), 16));
          k += 4;
        }
        default -> s.append(e); // " \ /
      }
      run = k + 1;
    }
    return s.append(new String(b, run, end - run, StandardCharsets.UTF_8)).toString();
  }

  private void number() throws Malformed {
    if (peek() == '-') i++;
    int c = peek();
    if (c == '0') {
      i++;
      if (isDigit(peek())) throw error("a number must not start with 0 followed by digits");
    } else if (isDigit(c)) {
      while (isDigit(peek())) i++;
    } else {
      throw error("expected a digit in a number");
    }
    if (peek() == '.') {
      i++;
      if (!isDigit(peek())) throw error("expected a digit after the decimal point");
      while (isDigit(peek())) i++;
    }
    c = peek();
    if (c == 'e' || c == 'E') {
      i++;
      c = peek();
      if (c == '+' || c == '-') i++;
      if (!isDigit(peek())) throw error("expected a digit in the exponent");
      while (isDigit(peek())) i++;
    }
  }

  private void literal(String word) throws Malformed {
    for (int k = 0; k < word.length(); k++, i++) {
      if (peek() != word.charAt(k)) throw error("unrecognized token, expected '" + word + "'");
    }
  }

  private void skipWhitespace() {
    while (i < b.length && isWhitespace(b[i])) i++;
  }

  /** The byte at the cursor, or -1 at the end. */
  private int peek() {
    return i < b.length ? b[i] & 0xff : -1;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static String describe(int c) {
    if (c >= 0x20 && c < 0x7f) return "'" + (char) c + "'";
    return String.format("0x%02x", c);
  }

  private Malformed error(String message) {
    int at = Math.min(i, b.length);
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < at; k++) {
      if (b[k] == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return new Malformed(message, line, at - lineStart + 1);
  }
}
