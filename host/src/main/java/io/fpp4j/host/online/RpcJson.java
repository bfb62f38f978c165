package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.AccessListItem;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.Authorization;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.SetCodeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.TxType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Transactions and receipts from their Ethereum JSON-RPC objects ({@code eth_getBlockByHash} with full
 * transactions, {@code eth_getBlockReceipts}), for re-encoding into the EIP-2718 bytes the tries hold. Every
 * type up to EIP-7702 and OP deposits. Malformed fields fail with an {@link IllegalArgumentException} naming
 * the object and field; a transaction whose JSON carries a {@code hash} must re-encode to exactly that hash.
 */
final class RpcJson {
  private RpcJson() {}

  /** A transaction from its JSON object; {@code what} names it in messages (e.g. {@code block 0x.. tx 3}). */
  public static Transaction transaction(JsonNode n, String what) {
    if (n == null || !n.isObject()) throw new IllegalArgumentException(what + " is not a JSON object: " + n);
    int code = has(n, "type") ? (int) u64(n, "type", what) : 0;
    TxType type = TxType.fromCode(code);
    if (type == null) throw new IllegalArgumentException(what + " has unknown transaction type " + n.get("type").asText());
    Transaction tx = switch (type) {
      case LEGACY -> new LegacyTransaction(u64(n, "nonce", what), big(n, "gasPrice", what), u64(n, "gas", what), to(n, what),
          big(n, "value", what), data(n, "input", what), u64(n, "v", what), big(n, "r", what), big(n, "s", what));
      case ACCESS_LIST -> new AccessListTransaction(u64(n, "chainId", what), u64(n, "nonce", what), big(n, "gasPrice", what),
          u64(n, "gas", what), to(n, what), big(n, "value", what), data(n, "input", what), accessList(n, what), parity(n, what),
          big(n, "r", what), big(n, "s", what));
      case DYNAMIC_FEE -> new DynamicFeeTransaction(u64(n, "chainId", what), u64(n, "nonce", what),
          big(n, "maxPriorityFeePerGas", what), big(n, "maxFeePerGas", what), u64(n, "gas", what), to(n, what),
          big(n, "value", what), data(n, "input", what), accessList(n, what), parity(n, what), big(n, "r", what), big(n, "s", what));
      case BLOB -> new BlobTransaction(u64(n, "chainId", what), u64(n, "nonce", what), big(n, "maxPriorityFeePerGas", what),
          big(n, "maxFeePerGas", what), u64(n, "gas", what), to(n, what), big(n, "value", what), data(n, "input", what),
          accessList(n, what), big(n, "maxFeePerBlobGas", what), hashes(n, "blobVersionedHashes", what), parity(n, what),
          big(n, "r", what), big(n, "s", what));
      case SET_CODE -> new SetCodeTransaction(u64(n, "chainId", what), u64(n, "nonce", what), big(n, "maxPriorityFeePerGas", what),
          big(n, "maxFeePerGas", what), u64(n, "gas", what), to(n, what), big(n, "value", what), data(n, "input", what),
          accessList(n, what), authorizations(n, what), parity(n, what), big(n, "r", what), big(n, "s", what));
      case DEPOSIT -> new DepositTransaction(b32(n, "sourceHash", what), Address.wrap(fixed(n, "from", 20, what)), to(n, what),
          has(n, "mint") ? big(n, "mint", what) : BigInteger.ZERO, big(n, "value", what), u64(n, "gas", what),
          n.path("isSystemTx").asBoolean(false), data(n, "input", what));
    };
    if (has(n, "hash")) {
      Bytes32 claimed = b32(n, "hash", what);
      if (!claimed.equals(tx.hash())) {
        throw new IllegalArgumentException(what + " says hash " + claimed + " but its fields encode to a " + type
            + " transaction with hash " + tx.hash());
      }
    }
    return tx;
  }

  /** A receipt from its JSON object (post-Byzantium {@code status} or pre-Byzantium {@code root}). */
  public static Receipt receipt(JsonNode n, String what) {
    if (n == null || !n.isObject()) throw new IllegalArgumentException(what + " is not a JSON object: " + n);
    int code = has(n, "type") ? (int) u64(n, "type", what) : 0;
    TxType type = TxType.fromCode(code);
    if (type == null) throw new IllegalArgumentException(what + " has unknown receipt type " + n.get("type").asText());
    Bytes32 root = has(n, "root") && !has(n, "status") ? b32(n, "root", what) : null;
    boolean success = root == null && u64(n, "status", what) == 1;
    List<Log> logs = new ArrayList<>();
    JsonNode arr = n.get("logs");
    if (arr == null || !arr.isArray()) throw new IllegalArgumentException(what + " lacks the logs array");
    for (JsonNode l : arr) {
      String lw = what + " log " + logs.size();
      logs.add(new Log(Address.wrap(fixed(l, "address", 20, lw)), hashes(l, "topics", lw), data(l, "data", lw)));
    }
    Long depositNonce = type == TxType.DEPOSIT && has(n, "depositNonce") ? u64(n, "depositNonce", what) : null;
    Long depositVersion = type == TxType.DEPOSIT && has(n, "depositReceiptVersion") ? u64(n, "depositReceiptVersion", what) : null;
    return new Receipt(type, root, success, u64(n, "cumulativeGasUsed", what), Bloom.wrap(fixed(n, "logsBloom", Bloom.LENGTH, what)),
        logs, depositNonce, depositVersion);
  }

  // ---- fields ----

  static boolean has(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && !v.isNull();
  }

  static String text(JsonNode n, String field, String what) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new IllegalArgumentException(what + " lacks the field " + field);
    if (!v.isTextual()) throw new IllegalArgumentException(what + " field " + field + " must be a hex string, got " + v);
    return v.asText();
  }

  static long u64(JsonNode n, String field, String what) {
    return JsonQuantity.parseU64(text(n, field, what), what + " " + field);
  }

  static BigInteger big(JsonNode n, String field, String what) {
    return JsonQuantity.parseBig(text(n, field, what), 256, what + " " + field);
  }

  static Bytes data(JsonNode n, String field, String what) {
    return Bytes.adopt(decode(text(n, field, what), field, what));
  }

  static byte[] fixed(JsonNode n, String field, int length, String what) {
    byte[] b = decode(text(n, field, what), field, what);
    if (b.length != length) {
      throw new IllegalArgumentException(what + " field " + field + " must be " + length + " bytes, got " + b.length);
    }
    return b;
  }

  static Bytes32 b32(JsonNode n, String field, String what) {
    return Bytes32.wrap(fixed(n, field, 32, what));
  }

  private static byte[] decode(String s, String field, String what) {
    try {
      return Hex.decodePrefixed(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " field " + field + ": " + e.getMessage(), e);
    }
  }

  private static Address to(JsonNode n, String what) {
    return has(n, "to") ? Address.wrap(fixed(n, "to", 20, what)) : null;
  }

  private static int parity(JsonNode n, String what) {
    long p = has(n, "yParity") ? u64(n, "yParity", what) : u64(n, "v", what);
    if (p != 0 && p != 1) throw new IllegalArgumentException(what + " has y-parity " + p + ", expected 0 or 1");
    return (int) p;
  }

  private static List<Bytes32> hashes(JsonNode n, String field, String what) {
    JsonNode arr = n.get(field);
    List<Bytes32> out = new ArrayList<>();
    if (arr == null || arr.isNull()) return out;
    if (!arr.isArray()) throw new IllegalArgumentException(what + " field " + field + " must be an array");
    for (JsonNode h : arr) {
      if (!h.isTextual()) throw new IllegalArgumentException(what + " field " + field + " holds a non-string " + h);
      byte[] b = decode(h.asText(), field, what);
      if (b.length != 32) throw new IllegalArgumentException(what + " field " + field + " holds a " + b.length + "-byte value");
      out.add(Bytes32.wrap(b));
    }
    return out;
  }

  private static List<AccessListItem> accessList(JsonNode n, String what) {
    List<AccessListItem> out = new ArrayList<>();
    JsonNode arr = n.get("accessList");
    if (arr == null || arr.isNull()) return out;
    for (JsonNode item : arr) {
      String iw = what + " accessList[" + out.size() + "]";
      out.add(new AccessListItem(Address.wrap(fixed(item, "address", 20, iw)), hashes(item, "storageKeys", iw)));
    }
    return out;
  }

  private static List<Authorization> authorizations(JsonNode n, String what) {
    List<Authorization> out = new ArrayList<>();
    JsonNode arr = n.get("authorizationList");
    if (arr == null || arr.isNull()) return out;
    for (JsonNode a : arr) {
      String aw = what + " authorizationList[" + out.size() + "]";
      long parity = u64(a, "yParity", aw);
      if (parity > 1) throw new IllegalArgumentException(aw + " has y-parity " + parity + ", expected 0 or 1");
      out.add(new Authorization(big(a, "chainId", aw), Address.wrap(fixed(a, "address", 20, aw)), u64(a, "nonce", aw),
          (int) parity, big(a, "r", aw), big(a, "s", aw)));
    }
    return out;
  }
}
