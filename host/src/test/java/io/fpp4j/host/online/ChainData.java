package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.block.HeaderJson;
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
import io.fpp4j.testkit.SeededBlocks;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Chain data for handler tests: the seeded blocks of the testkit (every transaction type, headers that commit
 * to them) and their JSON-RPC forms as a node would send them. Extends {@link SeededBlocks} so the handler
 * tests name everything through this one class.
 */
final class ChainData extends SeededBlocks {
  private ChainData() {}

  /** {@code eth_getBlockByHash} JSON, with transaction objects or hashes. */
  static ObjectNode blockJson(Block b, boolean fullTxs) {
    ObjectNode o = HeaderJson.toJson(b.header());
    ArrayNode txs = o.putArray("transactions");
    for (int i = 0; i < b.txs().size(); i++) {
      Transaction tx = b.txs().get(i);
      if (fullTxs) txs.add(txJson(tx, b, i));
      else txs.add(tx.hash().toHex());
    }
    o.putArray("uncles");
    o.put("size", "0x100");
    return o;
  }

  static ObjectNode txJson(Transaction tx, Block b, int index) {
    ObjectNode o = RpcStub.JSON.createObjectNode();
    o.put("blockHash", b.hash().toHex()).put("blockNumber", q(b.header().number())).put("transactionIndex", q(index));
    o.put("hash", tx.hash().toHex()).put("type", q(tx.type().code()));
    o.put("from", a("sender").toHex());
    o.put("gas", q(tx.gasLimit()));
    if (tx.to() != null) o.put("to", tx.to().toHex());
    else o.putNull("to");
    o.put("value", JsonQuantity.format(tx.value())).put("input", tx.input().toHex());
    if (tx instanceof LegacyTransaction t) {
      o.put("nonce", q(t.nonce())).put("gasPrice", JsonQuantity.format(t.gasPrice())).put("v", q(t.v()))
          .put("r", JsonQuantity.format(t.r())).put("s", JsonQuantity.format(t.s()));
    }
    if (tx instanceof AccessListTransaction t) {
      o.put("chainId", q(t.chainId())).put("nonce", q(t.nonce())).put("gasPrice", JsonQuantity.format(t.gasPrice()));
      accessList(o, t.accessList());
      sig(o, t.yParity(), t.r(), t.s());
    }
    if (tx instanceof DynamicFeeTransaction t) {
      fees(o, t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas());
      accessList(o, t.accessList());
      sig(o, t.yParity(), t.r(), t.s());
    }
    if (tx instanceof BlobTransaction t) {
      fees(o, t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas());
      accessList(o, t.accessList());
      o.put("maxFeePerBlobGas", JsonQuantity.format(t.maxFeePerBlobGas()));
      ArrayNode hs = o.putArray("blobVersionedHashes");
      t.blobVersionedHashes().forEach(x -> hs.add(x.toHex()));
      sig(o, t.yParity(), t.r(), t.s());
    }
    if (tx instanceof SetCodeTransaction t) {
      fees(o, t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas());
      accessList(o, t.accessList());
      ArrayNode auths = o.putArray("authorizationList");
      for (Authorization au : t.authorizationList()) {
        auths.addObject().put("chainId", JsonQuantity.format(au.chainId())).put("address", au.address().toHex())
            .put("nonce", q(au.nonce())).put("yParity", q(au.yParity())).put("r", JsonQuantity.format(au.r()))
            .put("s", JsonQuantity.format(au.s()));
      }
      sig(o, t.yParity(), t.r(), t.s());
    }
    if (tx instanceof DepositTransaction t) {
      o.put("sourceHash", t.sourceHash().toHex()).put("from", t.from().toHex()).put("mint", JsonQuantity.format(t.mint()))
          .put("nonce", "0x4d").put("gasPrice", "0x0").put("v", "0x0").put("r", "0x0").put("s", "0x0");
      if (t.isSystemTransaction()) o.put("isSystemTx", true);
    }
    return o;
  }

  static ArrayNode receiptsJson(Block b) {
    ArrayNode arr = RpcStub.JSON.createArrayNode();
    for (int i = 0; i < b.receipts().size(); i++) {
      Receipt r = b.receipts().get(i);
      ObjectNode o = arr.addObject();
      o.put("type", q(r.type().code())).put("status", r.success() ? "0x1" : "0x0").put("cumulativeGasUsed", q(r.cumulativeGasUsed()))
          .put("logsBloom", Hex.prefixed(r.logsBloom().toArray())).put("transactionHash", b.txs().get(i).hash().toHex())
          .put("transactionIndex", q(i)).put("blockHash", b.hash().toHex()).put("gasUsed", "0x5208");
      ArrayNode logs = o.putArray("logs");
      for (Log l : r.logs()) {
        ObjectNode lo = logs.addObject().put("address", l.address().toHex()).put("data", l.data().toHex());
        ArrayNode topics = lo.putArray("topics");
        l.topics().forEach(t -> topics.add(t.toHex()));
      }
      if (r.depositNonce() != null) o.put("depositNonce", q(r.depositNonce()));
      if (r.depositReceiptVersion() != null) o.put("depositReceiptVersion", q(r.depositReceiptVersion()));
    }
    return arr;
  }

  private static void fees(ObjectNode o, long chainId, long nonce, BigInteger tip, BigInteger max) {
    o.put("chainId", q(chainId)).put("nonce", q(nonce)).put("maxPriorityFeePerGas", JsonQuantity.format(tip))
        .put("maxFeePerGas", JsonQuantity.format(max)).put("gasPrice", JsonQuantity.format(max));
  }

  private static void accessList(ObjectNode o, List<AccessListItem> al) {
    ArrayNode arr = o.putArray("accessList");
    for (AccessListItem item : al) {
      ArrayNode keys = arr.addObject().put("address", item.address().toHex()).putArray("storageKeys");
      item.storageKeys().forEach(k -> keys.add(k.toHex()));
    }
  }

  private static void sig(ObjectNode o, int parity, BigInteger r, BigInteger s) {
    o.put("v", q(parity)).put("yParity", q(parity)).put("r", JsonQuantity.format(r)).put("s", JsonQuantity.format(s));
  }

  static String q(long v) {
    return JsonQuantity.format(v);
  }

  static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) b.put(p);
    return b.array();
  }
}
