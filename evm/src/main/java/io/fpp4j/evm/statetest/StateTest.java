package io.fpp4j.evm.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.tx.Authorization;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One filled general state test (the ethereum/tests format): a pre-state, a block environment, a
 * transaction template with arrays of data, gas limits and values, and for each fork the expected results
 * of the combinations it lists.
 */
public final class StateTest {
  /** One expected result: which template entries make the transaction, and what must come out. */
  public record Post(String fork, int index, int dataIndex, int gasIndex, int valueIndex, Bytes32 hash,
      Bytes32 logs, String expectException) {}

  /** {@code code} is shared by every case of the test, so its JUMPDEST analysis is done once. */
  private record PreAccount(Address address, long nonce, UInt256 balance, Code code, Map<UInt256, UInt256> storage) {}

  private final String name;
  private final JsonNode env;
  private final List<PreAccount> pre = new ArrayList<>();
  private final JsonNode tx;
  private final Address sender;
  private final List<Post> posts = new ArrayList<>();

  private StateTest(String name, JsonNode test) {
    this.name = name;
    this.env = test.get("env");
    this.tx = test.get("transaction");
    for (Iterator<Map.Entry<String, JsonNode>> it = test.get("pre").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> storage = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> st = a.get("storage").fields(); st.hasNext(); ) {
        Map.Entry<String, JsonNode> kv = st.next();
        storage.put(u256(kv.getKey()), u256(kv.getValue().asText()));
      }
      pre.add(new PreAccount(Address.fromHex(e.getKey()), num(a.get("nonce").asText()).longValue(),
          u256(a.get("balance").asText()), Code.of(bytes(a.get("code").asText())), storage));
    }
    this.sender = Secp256k1.address(bytes(tx.get("secretKey").asText()));
    JsonNode given = tx.get("sender");
    if (given != null && !given.asText().isEmpty() && !Address.fromHex(given.asText()).equals(sender)) {
      throw new IllegalArgumentException(name + ": secretKey gives sender " + sender + ", the test says " + given.asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = test.get("post").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int i = 0;
      for (JsonNode p : e.getValue()) {
        JsonNode idx = p.get("indexes");
        JsonNode ex = p.get("expectException");
        posts.add(new Post(e.getKey(), i++, idx.get("data").asInt(), idx.get("gas").asInt(), idx.get("value").asInt(),
            Bytes32.fromHex(p.get("hash").asText()), Bytes32.fromHex(p.get("logs").asText()),
            ex == null ? null : ex.asText()));
      }
    }
  }

  /** Every test in one parsed JSON file (a file holds one or more tests by name). */
  public static List<StateTest> fromJson(JsonNode file) {
    List<StateTest> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.add(new StateTest(e.getKey(), e.getValue()));
    }
    return out;
  }

  public String name() {
    return name;
  }

  public List<Post> posts() {
    return posts;
  }

  /** A fresh copy of the pre-state. */
  public InMemoryWorldState preState() {
    InMemoryWorldState s = new InMemoryWorldState();
    for (PreAccount a : pre) s.putAccount(a.address(), a.nonce(), a.balance(), a.code(), a.storage());
    return s;
  }

  public BlockEnv blockEnv() {
    JsonNode random = env.get("currentRandom");
    JsonNode baseFee = env.get("currentBaseFee");
    JsonNode excess = env.get("currentExcessBlobGas");
    return new BlockEnv(Address.fromHex(env.get("currentCoinbase").asText()),
        num(env.get("currentNumber").asText()).longValueExact(),
        num(env.get("currentTimestamp").asText()).longValueExact(),
        clampLong(num(env.get("currentGasLimit").asText())),
        baseFee == null ? UInt256.ZERO : u256(baseFee.asText()),
        u256(env.get("currentDifficulty").asText()),
        random == null ? Bytes32.ZERO : Bytes32.leftPad(bytes(random.asText())),
        excess == null ? 0 : num(excess.asText()).longValueExact(),
        StateTest::blockHash);
  }

  /** The state tests' stand-in for ancestor hashes: keccak256 of the block number in decimal (as geth's runner). */
  static Bytes32 blockHash(long n) {
    return Bytes32.wrap(Hashing.keccak256(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  private static long clampLong(BigInteger v) {
    return v.bitLength() > 63 ? Long.MAX_VALUE : v.longValue();
  }

  /** The transaction that {@code post} describes. */
  public EvmTransaction transaction(Post post) {
    byte[] data = bytes(tx.get("data").get(post.dataIndex()).asText());
    BigInteger gasLimit = num(tx.get("gasLimit").get(post.gasIndex()).asText());
    BigInteger value = num(tx.get("value").get(post.valueIndex()).asText());
    String toText = tx.get("to").asText();
    Address to = toText.isEmpty() ? null : Address.fromHex(toText);
    List<EvmTransaction.AccessListEntry> accessList = new ArrayList<>();
    JsonNode als = tx.get("accessLists");
    boolean hasAccessList = false;
    if (als != null && als.size() > post.dataIndex() && !als.get(post.dataIndex()).isNull()) {
      hasAccessList = true;
      for (JsonNode e : als.get(post.dataIndex())) {
        List<UInt256> keys = new ArrayList<>();
        for (JsonNode k : e.get("storageKeys")) keys.add(u256(k.asText()));
        accessList.add(new EvmTransaction.AccessListEntry(Address.fromHex(e.get("address").asText()), keys));
      }
    }
    List<Bytes32> blobHashes = new ArrayList<>();
    JsonNode bh = tx.get("blobVersionedHashes");
    if (bh != null) for (JsonNode h : bh) blobHashes.add(Bytes32.fromHex(h.asText()));
    JsonNode maxFee = tx.get("maxFeePerGas");
    JsonNode blobFee = tx.get("maxFeePerBlobGas");
    // Prague's fillers write EIP-7702 authorizations as objects with chainId, address, nonce, yParity (or v), r, s.
    List<Authorization> auths = new ArrayList<>();
    JsonNode al = tx.get("authorizationList");
    if (al != null) {
      for (JsonNode a : al) {
        JsonNode parity = a.has("yParity") ? a.get("yParity") : a.get("v");
        auths.add(new Authorization(num(a.get("chainId").asText()), Address.fromHex(a.get("address").asText()),
            num(a.get("nonce").asText()).longValue(), num(parity.asText()).intValueExact(), num(a.get("r").asText()),
            num(a.get("s").asText())));
      }
    }
    int type;
    BigInteger feeCap;
    BigInteger tip;
    if (al != null) type = 4;
    else if (bh != null || blobFee != null) type = 3;
    else if (maxFee != null) type = 2;
    else if (hasAccessList) type = 1;
    else type = 0;
    if (maxFee != null) {
      feeCap = num(maxFee.asText());
      tip = num(tx.get("maxPriorityFeePerGas").asText());
    } else {
      feeCap = tip = num(tx.get("gasPrice").asText());
    }
    return new EvmTransaction(type, sender, num(tx.get("nonce").asText()), gasLimit, feeCap, tip, to, value, data,
        accessList, blobHashes, blobFee == null ? BigInteger.ZERO : num(blobFee.asText()), null, auths);
  }

  // ---- the tests' number and byte notations ----

  private static String stripBigint(String s) {
    return s.startsWith("0x:bigint ") ? s.substring("0x:bigint ".length()) : s;
  }

  static BigInteger num(String s) {
    s = stripBigint(s.trim());
    if (s.startsWith("0x") || s.startsWith("0X")) {
      String h = s.substring(2);
      return h.isEmpty() ? BigInteger.ZERO : new BigInteger(h, 16);
    }
    return new BigInteger(s);
  }

  static UInt256 u256(String s) {
    return UInt256.fromBigInteger(num(s));
  }

  static byte[] bytes(String s) {
    s = stripBigint(s.trim());
    if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
    return Hex.decode(s);
  }

  /** Test names keyed by fork, in file order (for the CLI). */
  public Map<String, List<Post>> postsByFork() {
    Map<String, List<Post>> m = new LinkedHashMap<>();
    for (Post p : posts) m.computeIfAbsent(p.fork(), k -> new ArrayList<>()).add(p);
    return m;
  }
}
