package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON object of a rollup or chain config from its bytes. JSON text must be UTF-8 (RFC 8259),
 * and it is checked before jackson-core's parser sees it: Jackson's byte parser takes some invalid sequences (a lead
 * byte above 0xf4, for one) as characters, so a config with such a field name was accepted and its keys
 * then differed from any valid re-encoding of it.
 *
 * <p>The fuzz campaign found configs that differed from their own re-encoding, so two more rules apply.
 * Text after the object is refused (Go's {@code json.Unmarshal} and serde_json refuse it too; Jackson would
 * read the first object and drop the rest). And every number must be an integer, also in fields fpp4j does
 * not read: these formats hold only integers, Go refuses {@code 615e0} for a {@code uint64}, and a fraction or
 * exponent cannot survive a re-encoding (Jackson read {@code 1e400} as Infinity and wrote it back as a string,
 * and writes {@code 615e0} back as the integer {@code 615}, which a fork time would then accept). Numbers are
 * read as {@code BigDecimal} so that the refusal can show them; one no {@code BigDecimal} can hold is refused too.
 */
final class ConfigJson {
  private ConfigJson() {}

  static JsonNode readObject(byte[] json, String what) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(json))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigParseException(what + " is not UTF-8: " + e.getMessage() + " in its " + json.length + " bytes", e);
    }
    JsonNode root;
    try {
      root = JsonTreeReader.read(text);
    } catch (IOException e) {
      throw new ConfigParseException(what + " is not JSON: " + e.getMessage(), e);
    } catch (NumberFormatException | ArithmeticException e) {
      // Jackson lets these through for a number no BigDecimal can hold (an exponent beyond an int's range).
      throw new ConfigParseException(what + " has a number out of range: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigParseException(what + " must be a JSON object, got: " + (text.length() > 80 ? text.substring(0, 77) + "..." : text));
    }
    refuseNonIntegers(root, "", what);
    return root;
  }

  private static void refuseNonIntegers(JsonNode node, String path, String what) {
    if (node.isFloatingPointNumber()) {
      throw new ConfigParseException(what + " field '" + path + "' must be an integer, got " + JsonFields.abbreviate(node));
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> refuseNonIntegers(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), what));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) refuseNonIntegers(node.get(i), path + "[" + i + "]", what);
    }
  }
}
