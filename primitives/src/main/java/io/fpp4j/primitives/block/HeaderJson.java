package io.fpp4j.primitives.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.receipt.Bloom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/**
 * The JSON form of a header in the Ethereum JSON-RPC ({@code eth_getBlockByHash} without the body):
 * camelCase fields, quantities as minimal {@code 0x} hex, data as {@code 0x} hex. Fields a block does
 * not have are absent or null. If the object carries a {@code hash}, it must equal the hash of the
 * decoded header, so a wrong or mistyped field cannot go unnoticed.
 */
public final class HeaderJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HeaderJson() {}

  public static Header parse(String json) {
    try {
      return parse(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("header JSON is not valid JSON: " + e.getMessage(), e);
    }
  }

  public static Header parse(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("header JSON must be an object, got " + (n == null ? "nothing" : n.getNodeType()));
    }
    Header h = new Header(
        b32(n, "parentHash"),
        b32(n, "sha3Uncles"),
        Address.wrap(data(n, "miner", 20)),
        b32(n, "stateRoot"),
        b32(n, "transactionsRoot"),
        b32(n, "receiptsRoot"),
        Bloom.wrap(data(n, "logsBloom", Bloom.LENGTH)),
        JsonQuantity.parseBig(text(n, "difficulty"), 256, "header.difficulty"),
        u64(n, "number"),
        u64(n, "gasLimit"),
        u64(n, "gasUsed"),
        u64(n, "timestamp"),
        Bytes.adopt(data(n, "extraData", -1)),
        b32(n, "mixHash"),
        Header.nonceValue(data(n, "nonce", 8)),
        has(n, "baseFeePerGas") ? u64(n, "baseFeePerGas") : null,
        has(n, "withdrawalsRoot") ? b32(n, "withdrawalsRoot") : null,
        has(n, "blobGasUsed") ? u64(n, "blobGasUsed") : null,
        has(n, "excessBlobGas") ? u64(n, "excessBlobGas") : null,
        has(n, "parentBeaconBlockRoot") ? b32(n, "parentBeaconBlockRoot") : null,
        has(n, "requestsHash") ? b32(n, "requestsHash") : null);
    if (has(n, "hash")) {
      Bytes32 claimed = b32(n, "hash");
      Bytes32 actual = h.hash();
      if (!claimed.equals(actual)) {
        throw new IllegalArgumentException(
            "header JSON says hash " + claimed + " but its fields hash to " + actual + " (block " + h.number() + ")");
      }
    }
    return h;
  }

  /** The RPC JSON form of {@code h}, including its {@code hash}. */
  public static ObjectNode toJson(Header h) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("hash", h.hash().toHex());
    o.put("parentHash", h.parentHash().toHex());
    o.put("sha3Uncles", h.ommersHash().toHex());
    o.put("miner", h.beneficiary().toHex());
    o.put("stateRoot", h.stateRoot().toHex());
    o.put("transactionsRoot", h.transactionsRoot().toHex());
    o.put("receiptsRoot", h.receiptsRoot().toHex());
    o.put("logsBloom", h.logsBloom().toHex());
    o.put("difficulty", JsonQuantity.format(h.difficulty()));
    o.put("number", JsonQuantity.format(h.number()));
    o.put("gasLimit", JsonQuantity.format(h.gasLimit()));
    o.put("gasUsed", JsonQuantity.format(h.gasUsed()));
    o.put("timestamp", JsonQuantity.format(h.timestamp()));
    o.put("extraData", h.extraData().toHex());
    o.put("mixHash", h.mixHash().toHex());
    o.put("nonce", Hex.prefixed(Header.nonceBytes(h.nonce())));
    if (h.baseFeePerGas() != null) o.put("baseFeePerGas", JsonQuantity.format(h.baseFeePerGas()));
    if (h.withdrawalsRoot() != null) o.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
    if (h.blobGasUsed() != null) o.put("blobGasUsed", JsonQuantity.format(h.blobGasUsed()));
    if (h.excessBlobGas() != null) o.put("excessBlobGas", JsonQuantity.format(h.excessBlobGas()));
    if (h.parentBeaconBlockRoot() != null) o.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
    if (h.requestsHash() != null) o.put("requestsHash", h.requestsHash().toHex());
    return o;
  }

  private static boolean has(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && !v.isNull();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new IllegalArgumentException("header JSON lacks the required field " + field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("header JSON field " + field + " must be a hex string, got " + v);
    }
    return v.asText();
  }

  private static long u64(JsonNode n, String field) {
    return JsonQuantity.parseU64(text(n, field), "header." + field);
  }

  private static Bytes32 b32(JsonNode n, String field) {
    return Bytes32.wrap(data(n, field, 32));
  }

  private static byte[] data(JsonNode n, String field, int length) {
    String s = text(n, field);
    byte[] b;
    try {
      b = Hex.decodePrefixed(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("header JSON field " + field + ": " + e.getMessage(), e);
    }
    if (length >= 0 && b.length != length) {
      throw new IllegalArgumentException(
          "header JSON field " + field + " must be " + length + " bytes, got " + b.length + ": " + s);
    }
    return b;
  }
}
