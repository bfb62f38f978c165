package io.fpp4j.proof.hint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Kona's {@code l2-payload-witness}: {@code parentHash ‖ JSON(OpPayloadAttributes)}, with the u64be chain
 * id appended in interop. The attributes are kept as the exact JSON bytes the client sent.
 *
 * <p>The optional chain id has no length marker. When parsing, the data after the hash is first read as one
 * JSON object; only if that fails is the last 8 bytes taken as a chain id, which is unambiguous because a
 * compact JSON object ends in {@code '}'} and the chain id's bytes would make the text invalid.
 */
public record KonaPayloadWitnessHint(Bytes32 parentHash, Bytes attributesJson, OptionalLong chainId) implements Hint {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public KonaPayloadWitnessHint {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(attributesJson, "attributesJson");
    Objects.requireNonNull(chainId, "chainId");
  }

  public static KonaPayloadWitnessHint of(Bytes32 parentHash, String attributesJson) {
    return new KonaPayloadWitnessHint(parentHash, Bytes.of(attributesJson.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty());
  }

  @Override
  public HintType type() {
    return HintType.L2_PAYLOAD_WITNESS;
  }

  /** The payload attributes as a JSON tree. */
  public JsonNode attributes() {
    try {
      return JSON.readTree(attributesJson.unsafeArray());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("payload attributes are not JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public OptionalLong l2ChainId() {
    return chainId;
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(parentHash.toArray(), attributesJson.unsafeArray(), HintBytes.optionalU64(chainId));
  }

  static KonaPayloadWitnessHint decode(byte[] data) {
    if (data.length < 34) {
      throw HintBytes.wrongLength(HintType.L2_PAYLOAD_WITNESS,
          "at least 34 (parent hash ‖ JSON payload attributes [‖ chain id]) in the kona dialect", data);
    }
    Bytes32 parent = HintBytes.bytes32(data, 0);
    byte[] whole = HintBytes.slice(data, 32, data.length);
    if (isJsonObject(whole)) return new KonaPayloadWitnessHint(parent, Bytes.adopt(whole), OptionalLong.empty());
    if (data.length >= 42) {
      byte[] json = HintBytes.slice(data, 32, data.length - 8);
      if (isJsonObject(json)) {
        return new KonaPayloadWitnessHint(parent, Bytes.adopt(json), OptionalLong.of(HintBytes.u64(data, data.length - 8)));
      }
    }
    throw new HintParseException("l2-payload-witness data after the 32-byte parent hash is not a JSON object "
        + "(with or without a trailing 8-byte chain id): " + RawHint.abbreviate(
            new String(whole, StandardCharsets.UTF_8)));
  }

  private static boolean isJsonObject(byte[] json) {
    if (json.length < 2 || json[0] != '{') return false;
    try {
      JsonNode n = JSON.readTree(json);
      return n != null && n.isObject();
    } catch (java.io.IOException e) {
      return false; // JSON syntax errors are IOExceptions in Jackson
    }
  }

  @Override
  public String toString() {
    return "l2-payload-witness parent " + parentHash + ", " + attributesJson.length() + " bytes of attributes"
        + HintBytes.chainSuffix(chainId);
  }
}
