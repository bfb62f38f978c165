package io.fpp4j.host.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.InputStream;
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
   * One top-level member of the JSON object in {@code file}, read as a tree while every other member is only
   * scanned: an op-geth genesis file is mostly its {@code alloc} (9 MB on the devnet), and building a tree of it
   * cost the host about a second of start-up for a config object of a few hundred bytes. The whole file is still
   * tokenised, so malformed JSON and duplicate members anywhere are still refused, as by {@link #readObject}.
   *
   * @param flag the option that named the file, for error messages
   * @return the member, or empty if the object has none
   */
  public static Optional<JsonNode> readMember(Path file, String flag, String member) {
    try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(flag + " file " + file + " must hold a JSON object");
      }
      JsonNode found = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(member)) {
          found = JSON.readTree(p);
        } else {
          p.skipChildren();
        }
      }
      return Optional.ofNullable(found);
    } catch (IOException e) {
      throw readFailure(file, flag, e);
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
