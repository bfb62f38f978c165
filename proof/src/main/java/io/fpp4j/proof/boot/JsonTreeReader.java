package io.fpp4j.proof.boot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Builds a {@link JsonNode} tree from jackson-core's streaming parser, without an {@code ObjectMapper}.
 *
 * <p>Why not {@code ObjectMapper.readTree}: a program reads one rollup config per run, and the mapper's
 * construction (its type factory, annotation introspection and deserializer caches, about 350 classes) cost a
 * cold program run about 70 ms, against a few ms for the parser and the tree node classes alone (measured with
 * the class-load log of a devnet proof run; see docs/performance.md, issue 14).
 *
 * <p>The tree is the one {@code readTree} builds with {@code FAIL_ON_TRAILING_TOKENS} and
 * {@code USE_BIG_DECIMAL_FOR_FLOATS}: integers as int, long or BigInteger nodes by size, fractions as exact
 * {@link DecimalNode}s (trailing zeros kept, so an error shows the number as written), the last of two equal
 * field names wins, and anything after the value is refused.
 */
final class JsonTreeReader {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTreeReader() {}

  /** The value in {@code text}, or null when it holds only whitespace. */
  static JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return read(p);
    }
  }

  /** The value in {@code json} (UTF-8, as jackson-core detects it), or null when it holds only whitespace. */
  static JsonNode read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p);
    }
  }

  private static JsonNode read(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) return null;
    JsonNode root = value(p, first);
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new TrailingContentException("Trailing token (" + after + ") found after the JSON value; nothing may follow it", p);
    }
    return root;
  }

  // Recursion depth is bounded by jackson-core's StreamReadConstraints (nesting depth 1,000 by default).
  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) a.add(value(p, e));
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT: return NODES.numberNode(p.getIntValue());
          case LONG: return NODES.numberNode(p.getLongValue());
          default: return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        // The streaming parser itself refuses every malformed document before this point.
        throw new IllegalStateException("unexpected token " + t + " from the JSON parser");
    }
  }

  /** Content after the document's value. */
  static final class TrailingContentException extends com.fasterxml.jackson.core.JsonParseException {
    private static final long serialVersionUID = 1L;

    TrailingContentException(String message, JsonParser p) {
      super(p, message);
    }
  }
}
