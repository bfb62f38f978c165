package io.fpp4j.testkit.devnet;

import io.fpp4j.primitives.Bytes32;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the flat TOML of a fixture's {@code fixture.toml}: {@code [table]} headers, {@code key = "string"} and
 * {@code key = integer} lines, {@code #} comments. Hand-written because that subset is all the fixtures use and a
 * TOML library would be a dependency for twelve lines; anything else in the file is refused, naming the line.
 */
final class FixtureToml {
  private final Path file;
  private final Map<String, String> values;

  private FixtureToml(Path file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  static FixtureToml read(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    String table = "";
    int n = 0;
    for (String raw : Files.readAllLines(file)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("[") && line.endsWith("]")) {
        table = line.substring(1, line.length() - 1).strip() + ".";
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) throw new IllegalArgumentException(file + " line " + n + ": expected key = value, got '" + raw + "'");
      String key = table + line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      } else if (!value.matches("-?[0-9]+")) {
        throw new IllegalArgumentException(file + " line " + n + ": only strings and integers are supported, got '" + value + "'");
      }
      if (values.put(key, value) != null) throw new IllegalArgumentException(file + " line " + n + ": duplicate key " + key);
    }
    return new FixtureToml(file, values);
  }

  String string(String key) {
    String v = values.get(key);
    if (v == null) throw new IllegalArgumentException(file + " has no " + key);
    return v;
  }

  long integer(String key) {
    try {
      return Long.parseLong(string(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": " + key + " must be an integer, got '" + string(key) + "'", e);
    }
  }

  Bytes32 hash(String key) {
    try {
      return Bytes32.fromHex(string(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + key + " must be a 32-byte hex hash: " + e.getMessage(), e);
    }
  }
}
