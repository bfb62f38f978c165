package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * An execution-layer chain config in geth's {@code params.ChainConfig} JSON form (op-program's L2 chain
 * config and L1 chain config, Kona's {@code L1ChainConfig}). Only the chain id is interpreted eagerly; fork
 * times are read on demand by their JSON name (for example {@code "cancunTime"}).
 */
public record ChainConfig(long chainId, JsonNode json) {
  public static ChainConfig parse(byte[] json, String what) {
    JsonNode root = ConfigJson.readObject(json, what);
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
