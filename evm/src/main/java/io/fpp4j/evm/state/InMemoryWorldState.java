package io.fpp4j.evm.state;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.UInt256;
import io.fpp4j.mpt.TrieBuilder;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.state.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A complete state held in memory. Every mutation pushes the action that undoes it onto the journal of
 * {@link JournaledWorldState}, which also keeps the rest of the transaction scope. Used by the state tests.
 */
public final class InMemoryWorldState extends JournaledWorldState {
  /** One account's mutable record. Replaced (not mutated) by {@link #createAccount}, so a revert restores the old one. */
  private static final class Acct {
    long nonce;
    UInt256 balance = UInt256.ZERO;
    Code code = Code.EMPTY;
    HashMap<UInt256, UInt256> storage = new HashMap<>();
    /** Values at transaction start of the slots written in this transaction. */
    HashMap<UInt256, UInt256> original = new HashMap<>();
    Bytes32 storageRoot; // cache, null when stale

    boolean isEmpty() {
      return nonce == 0 && balance.isZero() && code.isEmpty();
    }
  }

  private final HashMap<Address, Acct> accounts = new HashMap<>();

  // ---- building the pre-state (no journal) -----------------------------------------------------------

  /** Puts an account into the state outside any transaction, as a genesis or test pre-state does. */
  public void putAccount(Address a, long nonce, UInt256 balance, Code code, Map<UInt256, UInt256> storage) {
    Acct x = new Acct();
    x.nonce = nonce;
    x.balance = balance;
    x.code = code;
    storage.forEach((k, v) -> {
      if (!v.isZero()) x.storage.put(k, v);
    });
    accounts.put(a, x);
  }

  /** The accounts present, for dumps and tests. */
  public Set<Address> addresses() {
    return accounts.keySet();
  }

  /** The non-zero storage of {@code a}, for dumps and tests. */
  public Map<UInt256, UInt256> storageOf(Address a) {
    Acct x = accounts.get(a);
    return x == null ? Map.of() : Map.copyOf(x.storage);
  }

  // ---- accounts -----------------------------------------------------------------------------------------

  @Override
  public boolean exists(Address a) {
    return accounts.containsKey(a);
  }

  @Override
  public boolean isEmpty(Address a) {
    Acct x = accounts.get(a);
    return x == null || x.isEmpty();
  }

  @Override
  public UInt256 balance(Address a) {
    Acct x = accounts.get(a);
    return x == null ? UInt256.ZERO : x.balance;
  }

  @Override
  public long nonce(Address a) {
    Acct x = accounts.get(a);
    return x == null ? 0 : x.nonce;
  }

  @Override
  public Code code(Address a) {
    Acct x = accounts.get(a);
    return x == null ? Code.EMPTY : x.code;
  }

  @Override
  public Bytes32 codeHash(Address a) {
    Acct x = accounts.get(a);
    return x == null ? Hashes.EMPTY_CODE_HASH : x.code.hash();
  }

  @Override
  public boolean hasStorage(Address a) {
    Acct x = accounts.get(a);
    if (x == null) return false;
    for (UInt256 v : x.storage.values()) if (!v.isZero()) return true;
    return false;
  }

  /** The account, created empty (and journaled) if absent. */
  private Acct getOrCreate(Address a) {
    Acct x = accounts.get(a);
    if (x == null) {
      x = new Acct();
      accounts.put(a, x);
      journal.add(() -> accounts.remove(a));
    }
    return x;
  }

  @Override
  public void createAccount(Address a) {
    Acct prev = accounts.get(a);
    Acct x = new Acct();
    if (prev != null) x.balance = prev.balance;
    accounts.put(a, x);
    journal.add(() -> {
      if (prev == null) accounts.remove(a);
      else accounts.put(a, prev);
    });
  }

  @Override
  public void setBalance(Address a, UInt256 balance) {
    Acct x = getOrCreate(a);
    UInt256 prev = x.balance;
    x.balance = balance;
    journal.add(() -> x.balance = prev);
  }

  @Override
  public void setNonce(Address a, long nonce) {
    Acct x = getOrCreate(a);
    long prev = x.nonce;
    x.nonce = nonce;
    journal.add(() -> x.nonce = prev);
  }

  @Override
  public void setCode(Address a, Code code) {
    Acct x = getOrCreate(a);
    Code prev = x.code;
    x.code = code;
    journal.add(() -> x.code = prev);
  }

  // ---- storage ---------------------------------------------------------------------------------------------

  @Override
  public UInt256 storage(Address a, UInt256 key) {
    Acct x = accounts.get(a);
    if (x == null) return UInt256.ZERO;
    UInt256 v = x.storage.get(key);
    return v == null ? UInt256.ZERO : v;
  }

  @Override
  public UInt256 originalStorage(Address a, UInt256 key) {
    Acct x = accounts.get(a);
    if (x == null) return UInt256.ZERO;
    UInt256 v = x.original.get(key);
    if (v != null) return v;
    v = x.storage.get(key);
    return v == null ? UInt256.ZERO : v;
  }

  @Override
  public void setStorage(Address a, UInt256 key, UInt256 value) {
    Acct x = getOrCreate(a);
    UInt256 prev = x.storage.get(key);
    UInt256 prevOrZero = prev == null ? UInt256.ZERO : prev;
    // The original map is not journaled: it records the transaction-start value, which a revert cannot change.
    x.original.putIfAbsent(key, prevOrZero);
    if (value.isZero()) x.storage.remove(key);
    else x.storage.put(key, value);
    x.storageRoot = null;
    journal.add(() -> {
      if (prev == null) x.storage.remove(key);
      else x.storage.put(key, prev);
      x.storageRoot = null;
    });
  }

  // ---- the back end's part of the transaction lifecycle ---------------------------------------------------

  @Override
  void deleteAccount(Address a) {
    accounts.remove(a);
  }

  @Override
  void clearOriginalStorage() {
    for (Acct x : accounts.values()) if (!x.original.isEmpty()) x.original.clear();
  }

  @Override
  public Bytes32 stateRoot() {
    List<TrieBuilder.Entry> entries = new ArrayList<>(accounts.size());
    for (Map.Entry<Address, Acct> e : accounts.entrySet()) {
      Acct x = e.getValue();
      Account acc = new Account(x.nonce, x.balance.toBigInteger(), storageRoot(x), x.code.hash());
      entries.add(new TrieBuilder.Entry(Hashing.keccak256(e.getKey().toArray()), acc.encode()));
    }
    return TrieBuilder.root(entries);
  }

  private static Bytes32 storageRoot(Acct x) {
    Bytes32 r = x.storageRoot;
    if (r != null) return r;
    if (x.storage.isEmpty()) {
      r = Hashes.EMPTY_TRIE_ROOT;
    } else {
      List<TrieBuilder.Entry> entries = new ArrayList<>(x.storage.size());
      for (Map.Entry<UInt256, UInt256> e : x.storage.entrySet()) {
        entries.add(new TrieBuilder.Entry(Hashing.keccak256(e.getKey().toBytes()),
            new RlpWriter(34).writeBytes(e.getValue().toMinimalBytes()).toByteArray()));
      }
      r = TrieBuilder.root(entries);
    }
    x.storageRoot = r;
    return r;
  }
}
