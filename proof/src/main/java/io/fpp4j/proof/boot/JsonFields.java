package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * Field access shared by the config parsers. Each field may be spelt in snake_case (Kona's serde and
 * op-node's Go tags) or camelCase, and numbers may be JSON integers, decimal strings or 0x-hex strings,
 * since the writers of these files differ. Errors name the config and the field path.
 */
final class JsonFields {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String what;

  JsonFields(String what) {
    this.what = what;
  }

  /** The first present, non-null field among {@code names}, or null. */
  static JsonNode field(JsonNode obj, String... names) {
    if (obj == null || !obj.isObject()) return null;
    for (String n : names) {
      JsonNode v = obj.get(n);
      if (v != null && !v.isNull()) return v;
    }
    return null;
  }

  JsonNode requireObject(JsonNode obj, String path, String... names) {
    JsonNode v = field(obj, names);
    if (v == null) throw missing(path, names);
    if (!v.isObject()) throw new ConfigParseException(what + " field '" + path + "' must be an object, got " + abbreviate(v));
    return v;
  }

  long requireU64(JsonNode obj, String path, String... names) {
    JsonNode v = field(obj, names);
    if (v == null) throw missing(path, names);
    return u64(v, path);
  }

  OptionalLong optionalU64(JsonNode obj, String path, String... names) {
    JsonNode v = field(obj, names);
    return v == null ? OptionalLong.empty() : OptionalLong.of(u64(v, path));
  }

  Bytes32 requireBytes32(JsonNode obj, String path, String... names) {
    JsonNode v = field(obj, names);
    if (v == null) throw missing(path, names);
    return bytes32(v, path);
  }

  Bytes32 optionalBytes32(JsonNode obj, String path, Bytes32 fallback, String... names) {
    JsonNode v = field(obj, names);
    return v == null ? fallback : bytes32(v, path);
  }

  /** A 20-byte address, or null when the field is absent. */
  Address optionalAddress(JsonNode obj, String path, String... names) {
    JsonNode v = field(obj, names);
    if (v == null) return null;
    if (!v.isTextual()) throw new ConfigParseException(what + " field '" + path + "' must be a hex address, got " + abbreviate(v));
    try {
      return Address.fromHex(v.asText());
    } catch (IllegalArgumentException e) {
      throw new ConfigParseException(what + " field '" + path + "': " + e.getMessage(), e);
    }
  }

  private Bytes32 bytes32(JsonNode v, String path) {
    if (!v.isTextual()) throw new ConfigParseException(what + " field '" + path + "' must be a 32-byte hex string, got " + abbreviate(v));
    try {
      return Bytes32.fromHex(v.asText());
    } catch (IllegalArgumentException e) {
      throw new ConfigParseException(what + " field '" + path + "': " + e.getMessage(), e);
    }
  }

  /** An unsigned 64-bit value held in a long (bit pattern; print with {@link Long#toUnsignedString}). */
  long u64(JsonNode v, String path) {
    BigInteger n;
    try {
      if (v.isIntegralNumber()) {
        n = v.bigIntegerValue();
      } else if (v.isTextual()) {
        String s = v.asText().trim();
        n = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
      } else {
        throw new NumberFormatException("not a number");
      }
    } catch (NumberFormatException e) {
      throw new ConfigParseException(what + " field '" + path + "' must be an unsigned 64-bit integer, got " + abbreviate(v), e);
    }
    if (n.signum() < 0 || n.compareTo(U64_MAX) > 0) {
      throw new ConfigParseException(what + " field '" + path + "' is out of the unsigned 64-bit range: " + n);
    }
    return n.longValue();
  }

  private ConfigParseException missing(String path, String... names) {
    return new ConfigParseException(what + " has no field '" + path + "'"
        + (names.length > 1 ? " (also looked for " + String.join(", ", java.util.Arrays.asList(names).subList(1, names.length)) + ")" : ""));
  }

  static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
