package io.fpp4j.proof.hint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.primitives.Bytes32;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * op-program's {@code l2-payload-witness}: the hint data is the JSON text
 * {@code {"parentBlockHash":"0x…","payloadAttributes":{…},"chainID":"10"}}, with {@code chainID} (a decimal
 * string) left out when absent. Field order and compact form are those of Go's {@code json.Marshal}; the
 * attributes are re-serialised compactly, so a hint written with other whitespace round-trips to the compact
 * text.
 */
public record OpProgramPayloadWitnessHint(Bytes32 parentBlockHash, JsonNode payloadAttributes, OptionalLong chainId)
    implements Hint {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public OpProgramPayloadWitnessHint {
    Objects.requireNonNull(parentBlockHash, "parentBlockHash");
    Objects.requireNonNull(chainId, "chainId");
    if (payloadAttributes == null || !payloadAttributes.isObject()) {
      throw new IllegalArgumentException("payloadAttributes must be a JSON object, got " + payloadAttributes);
    }
    payloadAttributes = payloadAttributes.deepCopy();
  }

  @Override
  public JsonNode payloadAttributes() {
    return payloadAttributes.deepCopy();
  }

  @Override
  public HintType type() {
    return HintType.L2_PAYLOAD_WITNESS;
  }

  @Override
  public OptionalLong l2ChainId() {
    return chainId;
  }

  @Override
  public byte[] data() {
    ObjectNode o = JSON.createObjectNode();
    o.put("parentBlockHash", parentBlockHash.toHex());
    o.set("payloadAttributes", payloadAttributes);
    if (chainId.isPresent()) o.put("chainID", Long.toUnsignedString(chainId.getAsLong()));
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise payload witness hint", e);
    }
  }

  static OpProgramPayloadWitnessHint decode(byte[] data) {
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (IOException e) {
      throw new HintParseException("op-program l2-payload-witness data is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new HintParseException("op-program l2-payload-witness data must be a JSON object, got: "
          + RawHint.abbreviate(new String(data, StandardCharsets.UTF_8)));
    }
    JsonNode parent = root.get("parentBlockHash");
    if (parent == null || !parent.isTextual()) {
      throw new HintParseException("op-program l2-payload-witness has no string field parentBlockHash");
    }
    Bytes32 parentHash;
    try {
      parentHash = Bytes32.fromHex(parent.asText());
    } catch (IllegalArgumentException e) {
      throw new HintParseException("op-program l2-payload-witness parentBlockHash: " + e.getMessage(), e);
    }
    JsonNode attrs = root.get("payloadAttributes");
    if (attrs == null || !attrs.isObject()) {
      throw new HintParseException("op-program l2-payload-witness has no object field payloadAttributes");
    }
    OptionalLong chain = OptionalLong.empty();
    JsonNode c = root.get("chainID");
    if (c != null && !c.isNull()) {
      try {
        chain = OptionalLong.of(Long.parseUnsignedLong(c.isTextual() ? c.asText() : c.toString()));
      } catch (NumberFormatException e) {
        throw new HintParseException("op-program l2-payload-witness chainID is not a decimal u64: " + c, e);
      }
    }
    return new OpProgramPayloadWitnessHint(parentHash, attrs, chain);
  }

  @Override
  public String toString() {
    return "l2-payload-witness parent " + parentBlockHash + HintBytes.chainSuffix(chainId);
  }
}
