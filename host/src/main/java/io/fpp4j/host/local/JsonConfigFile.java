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
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private JsonConfigFile() {}

  /**
   * Reads {@code file}, which must hold a JSON object.
   *
   * @param flag the option that named the file, for error messages
   */
  public static JsonNode readObject(Path file, String flag) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
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
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw readFailure(file, flag, e);
    }
    JsonScan.Span span;
    try {
      span = JsonScan.member(bytes, member);
    } catch (JsonScan.Malformed e) {
      throw new IllegalArgumentException(flag + " file " + file + " is not valid JSON: " + e.getMessage() + " (line "
          + e.line + ", column " + e.column + ")");
    }
    if (span == null) return Optional.empty();
    try {
      return Optional.of(JSON.readTree(bytes, span.start(), span.length()));
    } catch (IOException e) {
      throw readFailure(file, flag, e); // invalid UTF-8 in the member, which the scan leaves to Jackson
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
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree: " + e.getMessage(), e);
    }
  }

  /** The compact JSON of the object in {@code file}. */
  public static byte[] readCompact(Path file, String flag) {
    return compact(readObject(file, flag));
  }
}
