package io.fpp4j.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.PayloadAttributes;
import java.util.ArrayList;
import java.util.List;

/** Reads payload attributes in the engine API's JSON form (camelCase, hex quantities). */
public final class PayloadAttributesJson {
  private PayloadAttributesJson() {}

  public static PayloadAttributes parse(JsonNode n) {
    List<Bytes> txs = new ArrayList<>();
    JsonNode list = n.path("transactions");
    for (int i = 0; i < list.size(); i++) txs.add(Bytes.adopt(Hex.decode(list.get(i).asText())));
    if (!n.hasNonNull("gasLimit")) throw new BlockExecutionException("payload attributes lack gasLimit");
    return new PayloadAttributes(
        quantity(n, "timestamp"),
        Bytes32.fromHex(text(n, "prevRandao")),
        Address.fromHex(text(n, "suggestedFeeRecipient")),
        txs,
        n.path("noTxPool").asBoolean(true),
        quantity(n, "gasLimit"),
        n.hasNonNull("withdrawals"),
        n.hasNonNull("parentBeaconBlockRoot") ? Bytes32.fromHex(n.get("parentBeaconBlockRoot").asText()) : null,
        n.hasNonNull("eip1559Params") ? Bytes.fromHex(n.get("eip1559Params").asText()) : null,
        n.hasNonNull("minBaseFee") ? quantity(n, "minBaseFee") : null);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new BlockExecutionException("payload attributes lack " + field);
    return v.asText();
  }

  private static long quantity(JsonNode n, String field) {
    String s = text(n, field);
    if (!s.startsWith("0x")) throw new BlockExecutionException("payload attributes " + field + " is not a hex quantity: " + s);
    try {
      return Long.parseUnsignedLong(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new BlockExecutionException("payload attributes " + field + " does not fit 64 bits: " + s, e);
    }
  }
}
