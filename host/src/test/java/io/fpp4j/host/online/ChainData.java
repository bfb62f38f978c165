package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic chain data for handler tests: blocks whose headers commit to generated transactions and
 * receipts, and their JSON-RPC forms as a node would send them.
 */
final class ChainData {
  /** A generated block. */
  record Block(Header header, List<Transaction> txs, List<Receipt> receipts) {
    Bytes32 hash() {
      return header.hash();
    }

    List<byte[]> txItems() {
      return txs.stream().map(Transaction::encode2718).toList();
    }

    List<byte[]> receiptItems() {
      return receipts.stream().map(Receipt::encode2718).toList();
    }
  }

  private ChainData() {}

  static Bytes32 h(String seed) {
    return Bytes32.wrap(Hashing.keccak256(seed.getBytes()));
  }

  static Address a(String seed) {
    byte[] k = Hashing.keccak256(seed.getBytes());
    byte[] out = new byte[20];
    System.arraycopy(k, 12, out, 0, 20);
    return Address.wrap(out);
  }

  static BigInteger sig(String seed) {
    return new BigInteger(1, Hashing.keccak256(seed.getBytes())).shiftRight(2);
  }

  /** Every transaction type, seeded by {@code seed}; {@code deposits} adds an OP deposit first. */
  static List<Transaction> transactions(String seed, boolean deposits) {
    List<Transaction> txs = new ArrayList<>();
    List<AccessListItem> al = List.of(new AccessListItem(a(seed + "al"), List.of(h(seed + "k1"), h(seed + "k2"))));
    if (deposits) {
      txs.add(new DepositTransaction(h(seed + "src"), a(seed + "from"), a(seed + "to"), BigInteger.TEN, BigInteger.ZERO,
          1_000_000, false, Bytes.of(new byte[] {1, 2, 3})));
    }
    txs.add(new LegacyTransaction(1, BigInteger.valueOf(7_000_000_000L), 21_000, a(seed + "to"), BigInteger.ONE, Bytes.EMPTY,
        37, sig(seed + "r0"), sig(seed + "s0")));
    txs.add(new LegacyTransaction(2, BigInteger.valueOf(7_000_000_000L), 53_000, null, BigInteger.ZERO,
        Bytes.of(new byte[] {0x60, 0x00}), 27, sig(seed + "r1"), sig(seed + "s1")));
    txs.add(new AccessListTransaction(1, 3, BigInteger.valueOf(9), 30_000, a(seed + "to2"), BigInteger.TWO, Bytes.EMPTY, al, 1,
        sig(seed + "r2"), sig(seed + "s2")));
    txs.add(new DynamicFeeTransaction(1, 4, BigInteger.ONE, BigInteger.valueOf(100), 40_000, a(seed + "to3"), BigInteger.ZERO,
        Bytes.of(Hashing.keccak256(seed.getBytes())), List.of(), 0, sig(seed + "r3"), sig(seed + "s3")));
    txs.add(new BlobTransaction(1, 5, BigInteger.ONE, BigInteger.valueOf(100), 50_000, a(seed + "to4"), BigInteger.ZERO, Bytes.EMPTY,
        al, BigInteger.valueOf(3), List.of(h(seed + "blob")), 1, sig(seed + "r4"), sig(seed + "s4")));
    txs.add(new SetCodeTransaction(1, 6, BigInteger.ONE, BigInteger.valueOf(100), 60_000, a(seed + "to5"), BigInteger.ZERO,
        Bytes.EMPTY, List.of(), List.of(new Authorization(BigInteger.ONE, a(seed + "auth"), 9, 1, sig(seed + "ar"), sig(seed + "as"))),
        0, sig(seed + "r5"), sig(seed + "s5")));
    return txs;
  }

  static List<Receipt> receipts(List<Transaction> txs, String seed) {
    List<Receipt> out = new ArrayList<>();
    long gas = 0;
    for (int i = 0; i < txs.size(); i++) {
      gas += 21_000 + i;
      List<Log> logs = new ArrayList<>();
      for (int j = 0; j < i % 3; j++) {
        logs.add(new Log(a(seed + "log" + i + j), List.of(h(seed + "t" + i + j)), Bytes.of(new byte[] {(byte) i, (byte) j})));
      }
      Receipt r = Receipt.of(txs.get(i).type(), i % 4 != 3, gas, logs);
      if (txs.get(i).type() == TxType.DEPOSIT) {
        r = new Receipt(TxType.DEPOSIT, null, true, gas, Bloom.of(logs), logs, 77L, 1L);
      }
      out.add(r);
    }
    return out;
  }

  static Block block(String seed, long number, List<Transaction> txs) {
    List<Receipt> receipts = receipts(txs, seed);
    Bytes32 txRoot = OrderedTrie.root(txs.stream().map(Transaction::encode2718).toList());
    Bytes32 receiptRoot = OrderedTrie.root(receipts.stream().map(Receipt::encode2718).toList());
    Header header = new Header(h(seed + "parent"), Hashes.EMPTY_OMMERS_HASH, a(seed + "miner"), h(seed + "state"), txRoot,
        receiptRoot, Bloom.EMPTY, BigInteger.ZERO, number, 30_000_000, 21_000L * txs.size(), 1_700_000_000L + 12 * number,
        Bytes.of(seed.getBytes()), h(seed + "mix"), 0, 7L, Hashes.EMPTY_TRIE_ROOT, 0L, 0L, h(seed + "beacon"), null);
    return new Block(header, txs, receipts);
  }

  /** The same block, committing to another state root (a generated state the test serves proofs of). */
  static Block withStateRoot(Block b, Bytes32 stateRoot) {
    Header h = b.header();
    return new Block(new Header(h.parentHash(), h.ommersHash(), h.beneficiary(), stateRoot, h.transactionsRoot(),
        h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(), h.gasUsed(), h.timestamp(), h.extraData(),
        h.mixHash(), h.nonce(), h.baseFeePerGas(), h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(),
        h.parentBeaconBlockRoot(), h.requestsHash()), b.txs(), b.receipts());
  }

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
