package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.mpt.AccountProof;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The execution-layer calls the handlers make, on one node (L1 or L2), returning checked primitives: a
 * header must hash to the block hash asked for, a transaction to its own hash. A node that answers with
 * data that does not check out fails the fetch with an {@link RpcException} naming the call.
 */
final class EthSource {
  /** A block header with its transactions. */
  record Block(Header header, List<Transaction> transactions) {}

  private final JsonRpcClient rpc;
  private final String chain;
  private volatile Long chainId;

  /** @param chain {@code L1} or {@code L2}, for messages */
  EthSource(JsonRpcClient rpc, String chain) {
    this.rpc = rpc;
    this.chain = chain;
  }

  JsonRpcClient rpc() {
    return rpc;
  }

  String chain() {
    return chain;
  }

  /** {@code eth_chainId}, asked once. */
  long chainId() throws RpcException {
    Long id = chainId;
    if (id == null) {
      JsonNode r = rpc.callNonNull("a chain id", "eth_chainId");
      id = parse("eth_chainId", () -> JsonQuantity.parseU64(r.asText(), "eth_chainId result"));
      chainId = id;
    }
    return id;
  }

  Header header(Bytes32 hash) throws RpcException {
    JsonNode r = rpc.callNonNull(chain + " block " + hash, "eth_getBlockByHash", hash.toHex(), false);
    return checkedHeader(r, hash, "eth_getBlockByHash");
  }

  Header headerByNumber(long number) throws RpcException {
    JsonNode r = rpc.callNonNull(chain + " block " + Long.toUnsignedString(number), "eth_getBlockByNumber",
        JsonQuantity.format(number), false);
    return parse("eth_getBlockByNumber", () -> HeaderJson.parse(r));
  }

  Block block(Bytes32 hash) throws RpcException {
    JsonNode r = rpc.callNonNull(chain + " block " + hash, "eth_getBlockByHash", hash.toHex(), true);
    Header header = checkedHeader(r, hash, "eth_getBlockByHash");
    JsonNode txs = r.get("transactions");
    if (txs == null || !txs.isArray()) {
      throw new RpcException("eth_getBlockByHash on " + rpc + " for " + hash + " has no transactions array", null);
    }
    List<Transaction> out = new ArrayList<>(txs.size());
    for (JsonNode tx : txs) {
      String what = chain + " block " + hash + " transaction " + out.size();
      if (!tx.isObject()) {
        throw new RpcException("eth_getBlockByHash(" + hash + ", true) on " + rpc + " returned transaction hashes, not objects", null);
      }
      out.add(parse("eth_getBlockByHash", () -> RpcJson.transaction(tx, what)));
    }
    return new Block(header, out);
  }

  List<Receipt> receipts(Bytes32 hash) throws RpcException {
    JsonNode r = rpc.callNonNull("receipts of " + chain + " block " + hash, "eth_getBlockReceipts", hash.toHex());
    if (!r.isArray()) throw new RpcException("eth_getBlockReceipts on " + rpc + " for " + hash + " is not an array", null);
    List<Receipt> out = new ArrayList<>(r.size());
    for (JsonNode receipt : r) {
      String what = chain + " block " + hash + " receipt " + out.size();
      out.add(parse("eth_getBlockReceipts", () -> RpcJson.receipt(receipt, what)));
    }
    return out;
  }

  /** {@code debug_dbGet}: a raw database value (geth's hash-scheme trie nodes and, with prefix {@code c}, code). */
  byte[] dbGet(byte[] key) throws RpcException {
    JsonNode r = rpc.callNonNull("database key " + Hex.prefixed(key), "debug_dbGet", Hex.prefixed(key));
    return parse("debug_dbGet", () -> Hex.decodePrefixed(r.asText()));
  }

  /**
   * {@code eth_getProof(address, slots, block)}; {@code block} is a quantity string or an EIP-1898 object.
   */
  AccountProof proof(Address address, List<Bytes32> slots, Object block) throws RpcException {
    List<String> keys = slots.stream().map(Bytes32::toHex).toList();
    JsonNode r = rpc.callNonNull("a proof of " + address + " at " + block, "eth_getProof", address.toHex(), keys, block);
    return parse("eth_getProof", () -> AccountProof.fromJson(r));
  }

  static Map<String, String> byHash(Bytes32 hash) {
    return Map.of("blockHash", hash.toHex());
  }

  private Header checkedHeader(JsonNode r, Bytes32 hash, String method) throws RpcException {
    Header h = parse(method, () -> HeaderJson.parse(r));
    if (!h.hash().equals(hash)) {
      throw new RpcException(method + " on " + rpc + " asked for " + hash + " returned block " + h.hash(), null);
    }
    return h;
  }

  interface Parse<T> {
    T get();
  }

  /** Runs a conversion of a node's answer; a malformed answer becomes an {@link RpcException} naming the call. */
  <T> T parse(String method, Parse<T> p) throws RpcException {
    try {
      return p.get();
    } catch (RuntimeException e) {
      throw new RpcException(method + " on " + rpc + " returned data that does not check out: " + e.getMessage(), e);
    }
  }
}
