package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.mpt.Trie;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.state.Account;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small L2 state (accounts with storage) built with mpt's trie, answering {@code eth_getProof} as a node does. */
final class TestState {
  final Trie state = Trie.empty();
  final Map<Address, Trie> storage = new LinkedHashMap<>();
  final Map<Address, Account> accounts = new LinkedHashMap<>();

  TestState account(Address a, long nonce, long balance, Map<Bytes32, BigInteger> slots) {
    Trie s = Trie.empty();
    slots.forEach((k, v) -> s.put(Hashing.keccak256(k.toArray()), new RlpWriter(40).writeBigInteger(v).toByteArray()));
    Bytes32 root = slots.isEmpty() ? Hashes.EMPTY_TRIE_ROOT : s.rootHash();
    Account acct = new Account(nonce, BigInteger.valueOf(balance), root, Hashes.EMPTY_CODE_HASH);
    state.put(a.keccak256().toArray(), acct.encode());
    storage.put(a, s);
    accounts.put(a, acct);
    return this;
  }

  Bytes32 root() {
    return state.rootHash();
  }

  /** Every node {@code eth_getProof(address, slots)} returns, account proof first. */
  List<byte[]> proofNodes(Address a, List<Bytes32> slots) {
    List<byte[]> out = new ArrayList<>(state.proof(a.keccak256().toArray()));
    for (Bytes32 slot : slots) out.addAll(storage.get(a).proof(Hashing.keccak256(slot.toArray())));
    return out;
  }

  ObjectNode proofJson(Address a, List<Bytes32> slots) {
    Account acct = accounts.get(a);
    ObjectNode o = RpcStub.JSON.createObjectNode().put("address", a.toHex()).put("nonce", JsonQuantity.format(acct.nonce()))
        .put("balance", JsonQuantity.format(acct.balance())).put("storageHash", acct.storageRoot().toHex())
        .put("codeHash", acct.codeHash().toHex());
    ArrayNode ap = o.putArray("accountProof");
    state.proof(a.keccak256().toArray()).forEach(n -> ap.add(Hex.prefixed(n)));
    ArrayNode sp = o.putArray("storageProof");
    for (Bytes32 slot : slots) {
      var v = storage.get(a).get(Hashing.keccak256(slot.toArray()));
      BigInteger value = v == null ? BigInteger.ZERO : io.fpp4j.primitives.rlp.RlpReader.of(v.toArray()).readBigInteger(32, "v");
      ArrayNode proof = sp.addObject().put("key", slot.toHex()).put("value", JsonQuantity.format(value)).putArray("proof");
      storage.get(a).proof(Hashing.keccak256(slot.toArray())).forEach(n -> proof.add(Hex.prefixed(n)));
    }
    return o;
  }
}
