package io.fpp4j.host.cli;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Locale;

/**
 * op-program's value parsing, which op-challenger and operators' scripts rely on: numbers as Go's
 * {@code strconv.ParseUint(s, 0, 64)} reads them (urfave's uint64 flags) and hashes as go-ethereum's
 * {@code common.HexToHash} reads them. Hand-written: these are Go's rules, no Java library has them.
 */
final class GoFlagValues {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private GoFlagValues() {}

  /**
   * An unsigned 64-bit number in base 0: {@code 0x}/{@code 0X} hex, {@code 0o}/{@code 0O} or a leading
   * {@code 0} octal, {@code 0b}/{@code 0B} binary, otherwise decimal; underscores only with a base prefix, each
   * between digits or right after the prefix, as Go allows.
   *
   * @throws NumberFormatException with Go's meaning of the problem
   */
  static long parseUint0(String value) {
    String s = value.trim();
    if (s.isEmpty()) throw new NumberFormatException("empty");
    int radix = 10;
    String digits = s;
    boolean prefixed = false;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16; digits = s.substring(2); prefixed = true;
    } else if (lower.startsWith("0o")) {
      radix = 8; digits = s.substring(2); prefixed = true;
    } else if (lower.startsWith("0b")) {
      radix = 2; digits = s.substring(2); prefixed = true;
    } else if (s.length() > 1 && s.charAt(0) == '0') {
      radix = 8; digits = s.substring(1); prefixed = true;
    }
    if (digits.contains("_")) {
      // Go: only with a base prefix, and each underscore between digits or right after the prefix.
      if (!prefixed || digits.endsWith("_") || digits.contains("__")) {
        throw new NumberFormatException("misplaced underscore");
      }
      digits = digits.replace("_", "");
    }
    if (digits.isEmpty()) throw new NumberFormatException("no digits after the base prefix");
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) throw new NumberFormatException("'" + digits.charAt(i) + "' is not a base-" + radix + " digit");
    }
    BigInteger n = new BigInteger(digits, radix);
    if (n.compareTo(U64_MAX) > 0) throw new NumberFormatException("above 18446744073709551615");
    return n.longValue();
  }

  /**
   * A hash as {@code common.HexToHash} reads it: an optional {@code 0x}, an odd digit count padded with a
   * leading zero, and fewer than 32 bytes left-padded with zeros ({@code 0x1} is the hash ending in 01).
   * Unlike go-ethereum, which silently keeps what it could decode, non-hex text and more than 32 bytes are
   * refused, so a typo is reported instead of becoming another hash.
   */
  static Bytes32 hexToHash(String value) {
    String s = value.trim();
    if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
    if (s.length() % 2 == 1) s = "0" + s;
    if (s.length() > 64) throw new IllegalArgumentException("longer than 32 bytes");
    byte[] raw = Hex.decode(s);
    byte[] padded = new byte[32];
    System.arraycopy(raw, 0, padded, 32 - raw.length, raw.length);
    return Bytes32.wrap(padded);
  }
}
