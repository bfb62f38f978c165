package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * An execution-layer chain config in geth's {@code params.ChainConfig} JSON form (op-program's L2 chain
 * config and L1 chain config, Kona's {@code L1ChainConfig}). Only the chain id is interpreted eagerly; fork
 * times are read on demand by their JSON name (for example {@code "cancunTime"}).
 */
public record ChainConfig(long chainId, JsonNode json) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static ChainConfig parse(byte[] json, String what) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ConfigParseException(what + " is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      String s = new String(json, StandardCharsets.UTF_8);
      throw new ConfigParseException(what + " must be a JSON object, got: " + (s.length() > 80 ? s.substring(0, 77) + "..." : s));
    }
    return new ChainConfig(new JsonFields(what).requireU64(root, "chainId", "chainId", "chain_id", "chainID"), root);
  }

  /** A fork activated by timestamp, e.g. {@code "pragueTime"}, if the config schedules it. */
  public OptionalLong forkTime(String field) {
    JsonNode v = JsonFields.field(json, field);
    return v == null ? OptionalLong.empty() : OptionalLong.of(new JsonFields("chain config").u64(v, field));
  }

  @Override
  public JsonNode json() {
    return json.deepCopy();
  }

  @Override
  public String toString() {
    return "ChainConfig[chain " + Long.toUnsignedString(chainId) + "]";
  }
}
