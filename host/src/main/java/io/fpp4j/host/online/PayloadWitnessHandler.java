package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.host.serve.Hint;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code l2-payload-witness}, a bulk hint: {@code debug_executePayload(parentHash, payloadAttributes)} on
 * an L2 node that has this experimental method returns an execution witness, and every state node and
 * code blob in it is stored under its own keccak (Kona also stores the {@code keys}). The witness is an
 * optimisation: when no such node is configured, or the call fails, the handler logs and returns, and the
 * client's fine-grained hints fetch the same data, as both peers do.
 *
 * <p>Layouts: op-program sends the hex of a JSON object {@code {"parentBlockHash", "payloadAttributes",
 * "chainID"}}; Kona sends {@code parentHash[32] ‖ JSON(payloadAttributes)} [{@code ‖ u64be(chainId)}].
 */
final class PayloadWitnessHandler implements HintHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PayloadWitnessHandler.class);
  private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  enum Layout { OP_PROGRAM_JSON, KONA }

  private final EthSource experimental;
  private final Layout layout;
  private final String disabledReason;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param experimental the node to ask, or null if none is configured
   * @param disabledReason why there is none (for the log), when {@code experimental} is null
   */
  PayloadWitnessHandler(EthSource experimental, Layout layout, String disabledReason) {
    this.experimental = experimental;
    this.layout = layout;
    this.disabledReason = disabledReason;
  }

  /** What to call {@code debug_executePayload} with. */
  record Request(Bytes32 parentHash, JsonNode attributes) {}

  @Override
  public void handle(Hint hint, PreimageStore store) {
    Request req = parse(hint);
    if (experimental == null) {
      if (warned.compareAndSet(false, true)) {
        LOG.warn("ignoring l2-payload-witness hints: {}; the client's per-node hints fetch the state instead", disabledReason);
      }
      return;
    }
    JsonNode witness;
    try {
      witness = experimental.rpc().callNonNull("an execution witness for a block on " + req.parentHash(),
          "debug_executePayload", req.parentHash().toHex(), req.attributes());
    } catch (RpcException e) {
      // Not every execution client has this method; the fine-grained hints still work.
      LOG.warn("payload witness for a block on {} not available, falling back to per-node fetching: {}", req.parentHash(), e.getMessage());
      return;
    }
    int stored = 0;
    List<String> fields = layout == Layout.KONA ? List.of("state", "codes", "keys") : List.of("state", "codes");
    for (String field : fields) {
      JsonNode values = witness.get(field);
      if (values == null || values.isNull()) continue;
      for (JsonNode v : values) {
        byte[] bytes;
        try {
          bytes = Hex.decodePrefixed(v.asText());
        } catch (IllegalArgumentException e) {
          LOG.warn("payload witness for a block on {}: skipping a malformed {} entry: {}", req.parentHash(), field, e.getMessage());
          continue;
        }
        Preimages.putKeccak(store, bytes);
        stored++;
      }
    }
    LOG.debug("payload witness for a block on {}: stored {} preimages", req.parentHash(), stored);
  }

  Request parse(Hint hint) {
    byte[] data = hint.data();
    try {
      if (layout == Layout.OP_PROGRAM_JSON) {
        JsonNode o = STRICT.readTree(data);
        if (o == null || !o.isObject() || !o.path("parentBlockHash").isTextual() || !o.path("payloadAttributes").isObject()) {
          throw new InvalidHintException("hint " + hint + " is not a JSON object with parentBlockHash and payloadAttributes");
        }
        return new Request(Bytes32.fromHex(o.get("parentBlockHash").asText()), o.get("payloadAttributes"));
      }
      HintData.requireAtLeast(hint, 34, "parent hash[32] ‖ JSON payload attributes [‖ u64 chain id]");
      Bytes32 parent = HintData.bytes32(hint, 0);
      JsonNode attrs;
      try {
        attrs = STRICT.readTree(Arrays.copyOfRange(data, 32, data.length));
      } catch (IOException withoutChainId) {
        if (data.length < 42) throw withoutChainId;
        attrs = STRICT.readTree(Arrays.copyOfRange(data, 32, data.length - 8));
      }
      if (attrs == null || !attrs.isObject()) throw new InvalidHintException("hint " + hint + ": the payload attributes are not a JSON object");
      return new Request(parent, attrs);
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof InvalidHintException ih) throw ih;
      throw new InvalidHintException("hint " + hint + " does not hold valid payload attributes JSON: " + e.getMessage(), e);
    }
  }
}
