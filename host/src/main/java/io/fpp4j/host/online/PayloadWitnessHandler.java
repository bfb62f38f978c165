package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.hint.KonaPayloadWitnessHint;
import io.fpp4j.proof.hint.OpProgramPayloadWitnessHint;
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
 * <p>Both layouts (op-program's hex of a JSON object, Kona's parent hash ‖ attributes JSON [‖ chain id]) are
 * read by the hint catalogue; the two peers differ here only in Kona also storing the witness's {@code keys}.
 */
final class PayloadWitnessHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PayloadWitnessHandler.class);

  private final EthSource experimental;
  private final List<String> fields;
  private final String disabledReason;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param experimental the node to ask, or null if none is configured
   * @param fields the witness fields whose values are stored
   * @param disabledReason why there is none (for the log), when {@code experimental} is null
   */
  private PayloadWitnessHandler(EthSource experimental, List<String> fields, String disabledReason) {
    this.experimental = experimental;
    this.fields = fields;
    this.disabledReason = disabledReason;
  }

  /** Kona's hint; the witness's {@code state}, {@code codes} and {@code keys} are stored. */
  static HintHandler<KonaPayloadWitnessHint> kona(EthSource experimental, String disabledReason) {
    PayloadWitnessHandler h = new PayloadWitnessHandler(experimental, List.of("state", "codes", "keys"), disabledReason);
    return (hint, store) -> h.fetch(hint.parentHash(), hint.attributes(), store);
  }

  /** op-program's hint; its {@code state} and {@code codes} are stored (it ignores the keys "for safety"). */
  static HintHandler<OpProgramPayloadWitnessHint> opProgram(EthSource experimental, String disabledReason) {
    PayloadWitnessHandler h = new PayloadWitnessHandler(experimental, List.of("state", "codes"), disabledReason);
    return (hint, store) -> h.fetch(hint.parentBlockHash(), hint.payloadAttributes(), store);
  }

  private void fetch(Bytes32 parentHash, JsonNode attributes, PreimageStore store) {
    if (experimental == null) {
      if (warned.compareAndSet(false, true)) {
        LOG.warn("ignoring l2-payload-witness hints: {}; the client's per-node hints fetch the state instead", disabledReason);
      }
      return;
    }
    JsonNode witness;
    try {
      witness = experimental.rpc().callNonNull("an execution witness for a block on " + parentHash,
          "debug_executePayload", parentHash.toHex(), attributes);
    } catch (RpcException e) {
      // Not every execution client has this method; the fine-grained hints still work.
      LOG.warn("payload witness for a block on {} not available, falling back to per-node fetching: {}", parentHash, e.getMessage());
      return;
    }
    int stored = 0;
    for (String field : fields) {
      JsonNode values = witness.get(field);
      if (values == null || values.isNull()) continue;
      for (JsonNode v : values) {
        byte[] bytes;
        try {
          bytes = Hex.decodePrefixed(v.asText());
        } catch (IllegalArgumentException e) {
          LOG.warn("payload witness for a block on {}: skipping a malformed {} entry: {}", parentHash, field, e.getMessage());
          continue;
        }
        Preimages.putKeccak(store, bytes);
        stored++;
      }
    }
    LOG.debug("payload witness for a block on {}: stored {} preimages", parentHash, stored);
  }
}
