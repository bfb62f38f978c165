package io.fpp4j.host.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the JSON configuration files served as local keys (rollup config, chain configs) and re-serialises
 * them compactly, as both peers do after parsing (Kona's {@code serde_json}, Go's {@code json.Marshal}). Member
 * order and every number are kept exactly (no float rounding); only whitespace goes. Duplicate members are an
 * error.
 */
final class JsonConfigFile {
  private JsonConfigFile() {}

  /**
   * Jackson, for the callers that need a tree (interop configs, rollup configs the host itself reads). In a holder
   * so that a run that only serves configs as they are (op-program's and kona-host's single-chain flags) never
   * initialises Jackson's data binding, about 400 classes of a cold start.
   */
  private static final class Jackson {
    static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  /**
   * Reads {@code file}, which must hold a JSON object and nothing after it. {@link JsonScan} checks the whole file
   * first, as for the configs served as text: Jackson's {@code readTree} reads the first value and ignores what
   * follows, so a second object concatenated to a rollup config would otherwise go unnoticed.
   *
   * @param flag the option that named the file, for error messages
   */
  public static JsonNode readObject(Path file, String flag) {
    byte[] bytes = readBytes(file, flag);
    check(bytes, file, flag, null);
    JsonNode root;
    try {
      root = Jackson.JSON.readTree(bytes);
    } catch (IOException e) {
      throw readFailure(file, flag, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(flag + " file " + file + " must hold a JSON object");
    }
    return root;
  }

  /**
   * One top-level member of the JSON object in {@code file}, read as a tree while the rest is only checked: an
   * op-geth genesis file is mostly its {@code alloc} (9 MB on the devnet), and walking that with Jackson was a fifth
   * of a cold host start for a config object of a few hundred bytes. {@link JsonScan} checks the whole file as
   * strictly (malformed JSON, a repeated member in any object, anything after the object), so a file cut short or
   * concatenated is refused as by {@link #readObject}; then Jackson reads the member alone.
   *
   * @param flag the option that named the file, for error messages
   * @return the member, or empty if the object has none
   */
  public static Optional<JsonNode> readMember(Path file, String flag, String member) {
    byte[] bytes = readBytes(file, flag);
    JsonScan.Span span = check(bytes, file, flag, member);
    if (span == null) return Optional.empty();
    try {
      return Optional.of(Jackson.JSON.readTree(bytes, span.start(), span.length()));
    } catch (IOException e) {
      throw readFailure(file, flag, e);
    }
  }

  /**
   * As {@link #readMember}, but the member's compact JSON text (whitespace between tokens dropped, strings and
   * numbers as written), or empty if the object has none; no tree is built.
   */
  public static Optional<byte[]> readCompactMember(Path file, String flag, String member) {
    byte[] bytes = readBytes(file, flag);
    JsonScan.Span span = check(bytes, file, flag, member);
    return span == null ? Optional.empty() : Optional.of(JsonScan.compact(bytes, span.start(), span.end()));
  }

  /**
   * The compact JSON text of the object in {@code file}: checked whole by {@link JsonScan} (anything after the
   * object is refused too), whitespace between tokens dropped, every string and number as written. What both
   * peers serve is their own re-encoding after parsing; any compact form of the same JSON reads the same in
   * their clients.
   */
  public static byte[] readCompact(Path file, String flag) {
    byte[] bytes = readBytes(file, flag);
    check(bytes, file, flag, null);
    return JsonScan.compact(bytes, JsonScan.objectStart(bytes), bytes.length);
  }

  private static byte[] readBytes(Path file, String flag) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw readFailure(file, flag, e);
    }
  }

  private static JsonScan.Span check(byte[] bytes, Path file, String flag, String member) {
    try {
      return JsonScan.member(bytes, member);
    } catch (JsonScan.Malformed e) {
      if (e.getMessage().equals(JsonScan.NOT_AN_OBJECT)) {
        throw new IllegalArgumentException(flag + " file " + file + " must hold a JSON object");
      }
      throw new IllegalArgumentException(flag + " file " + file + " is not valid JSON: " + e.getMessage() + " (line "
          + e.line + ", column " + e.column + ")");
    }
  }

  /** The error for a config file that cannot be read: missing, not JSON (with where), or unreadable. */
  private static IllegalArgumentException readFailure(Path file, String flag, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new IllegalArgumentException(flag + " file " + file + " does not exist", e);
    }
    if (e instanceof JsonProcessingException j) {
      return new IllegalArgumentException(flag + " file " + file + " is not valid JSON: " + j.getOriginalMessage()
          + " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")", e);
    }
    return new IllegalArgumentException("cannot read " + flag + " file " + file + ": " + e, e);
  }

  /** The compact UTF-8 JSON of {@code node}. */
  public static byte[] compact(JsonNode node) {
    try {
      return Jackson.JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree: " + e.getMessage(), e);
    }
  }

}
