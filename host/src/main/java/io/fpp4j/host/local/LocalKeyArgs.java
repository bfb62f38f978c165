package io.fpp4j.host.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Local keys for any program, given directly.
 *
 * <ul>
 *   <li>{@code --local-key N=0xHEX}: index {@code N} (decimal, unsigned 64-bit) serves the bytes {@code HEX}
 *       (the {@code 0x} is optional; {@code N=0x} serves an empty value). Repeatable.
 *   <li>{@code --local-keys FILE}: a JSON object whose member names are decimal indices and whose values are
 *       hex strings, e.g. {@code {"1": "0x…32 bytes…", "4": "0x0000000000000008"}}. Duplicate names are an
 *       error.
 * </ul>
 *
 * When both give the same index, the command line wins over the file.
 */
public final class LocalKeyArgs {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private LocalKeyArgs() {}

  /** Parses {@code --local-key} values and a {@code --local-keys} file (either may be absent). */
  public static LocalInputs parse(List<String> keyArgs, Path keysFile) {
    LocalInputs.Builder all = LocalInputs.builder("--local-key/--local-keys");
    if (keysFile != null) all.overrideWith(readFile(keysFile));
    LocalInputs.Builder direct = LocalInputs.builder("--local-key");
    for (String arg : keyArgs) {
      Map.Entry<Long, byte[]> e = parseArg(arg);
      direct.put(e.getKey(), e.getValue());
    }
    return all.overrideWith(direct.build()).build();
  }

  /** Parses one {@code N=0xHEX}. */
  static Map.Entry<Long, byte[]> parseArg(String arg) {
    int eq = arg.indexOf('=');
    if (eq < 0) throw new IllegalArgumentException("invalid --local-key '" + arg + "': expected N=0xHEX, such as 1=0x01ab");
    long index = parseIndex(arg.substring(0, eq), "--local-key '" + arg + "'");
    byte[] value;
    try {
      value = Hex.decode(arg.substring(eq + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid --local-key '" + arg + "': " + e.getMessage(), e);
    }
    return Map.entry(index, value);
  }

  /** Reads a local-keys JSON file. */
  static LocalInputs readFile(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--local-keys file " + file + " does not exist", e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("--local-keys file " + file + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --local-keys file " + file + ": " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("--local-keys file " + file + " must hold a JSON object such as {\"1\": \"0x…\"}");
    }
    String where = "--local-keys file " + file;
    LocalInputs.Builder b = LocalInputs.builder(where);
    for (Map.Entry<String, JsonNode> f : root.properties()) {
      long index = parseIndex(f.getKey(), where + ", member \"" + f.getKey() + "\"");
      if (!f.getValue().isTextual()) {
        throw new IllegalArgumentException(where + ": the value of \"" + f.getKey() + "\" must be a hex string, got " + f.getValue());
      }
      try {
        b.put(index, Hex.decode(f.getValue().asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": the value of \"" + f.getKey() + "\": " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  private static long parseIndex(String text, String where) {
    try {
      if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) throw new NumberFormatException();
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + where + ": the local key index must be a decimal number from 0 to "
          + "18446744073709551615, got '" + text + "'");
    }
  }
}
