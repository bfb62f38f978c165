package io.fpp4j.evm.state;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.UInt256;
import io.fpp4j.mpt.Trie;
import io.fpp4j.mpt.TrieException;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.state.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A stateless state over a partially known state trie: an account is read from the state trie the first
 * time it is asked for, a slot from its account's storage trie, code by hash, all through a
 * {@link StateSource}. Reads are hinted ({@link TrieHinter#hintAccountProof}, {@link
 * TrieHinter#hintStorageProof}) before the trie is walked, so a host can fetch the proof first; the
 * {@link Trie} itself hints the sibling a delete's collapse needs. Changes stay in a cache journaled through
 * {@link JournaledWorldState} (which also keeps the rest of the transaction scope) and are written into the
 * tries by {@link #stateRoot()}.
 *
 * <p>A missing or malformed node ends execution with a {@link StateReadException} naming the account or
 * slot being read and the node hash.
 */
public final class TrieWorldState extends JournaledWorldState {
  /** One account's mutable record; replaced (not mutated) by {@link #createAccount}, so a revert restores it. */
  private final class Acct {
    final Address address;
    /** keccak256 of the address, the account's state-trie key: hashed once, when it is read or first written. */
    private byte[] trieKey;
    long nonce;
    UInt256 balance = UInt256.ZERO;
    Bytes32 codeHash = Hashes.EMPTY_CODE_HASH;
    Code code = Code.EMPTY; // null until loaded
    /** The storage trie as committed (from the parent state, or the last {@link #stateRoot()}); null if wiped/new. */
    Trie storageTrie;
    /** Current values of the slots read or written; a slot absent here has its committed value. */
    final HashMap<UInt256, UInt256> storage = new HashMap<>();
    /** Slots written since the last commit (a superset: a revert does not remove a key). */
    final HashSet<UInt256> dirtySlots = new HashSet<>();
    /** Values at transaction start of the slots written in this transaction. */
    final HashMap<UInt256, UInt256> original = new HashMap<>();

    Acct(Address address) {
      this.address = address;
    }

    byte[] trieKey() {
      byte[] k = trieKey;
      if (k == null) trieKey = k = Hashing.keccak256(address.toArray());
      return k;
    }

    boolean isEmpty() {
      return nonce == 0 && balance.isZero() && codeHash.equals(Hashes.EMPTY_CODE_HASH);
    }

    UInt256 committedSlot(UInt256 key) {
      if (storageTrie == null) return UInt256.ZERO;
      Bytes32 slot = key.toBytes32();
      hinter.hintStorageProof(address, slot, blockNumber);
      Bytes v;
      try {
        v = storageTrie.get(Hashing.keccak256(slot.toArray()));
      } catch (TrieException e) {
        throw new StateReadException("cannot read storage slot " + slot + " of account " + address + " (storage root "
            + storageTrie.rootHash() + "): " + e.getMessage(), e);
      }
      if (v == null) return UInt256.ZERO;
      byte[] raw = RlpReader.decodeWhole(v.toArray(), "storage value of " + address + " slot " + slot,
          r -> r.readBytes("storage value"));
      if (raw.length > 32) throw new StateReadException("storage value of " + address + " slot " + slot + " is longer than 32 bytes");
      return UInt256.fromBytes(raw);
    }

    UInt256 slot(UInt256 key) {
      UInt256 v = storage.get(key);
      if (v != null) return v;
      v = committedSlot(key);
      storage.put(key, v); // a cached committed value: not a change, so not journaled
      return v;
    }
  }

  private final StateSource source;
  private final TrieHinter hinter;
  private final long blockNumber;
  private final Trie stateTrie;

  /** Accounts that exist now, among those looked at. */
  private final HashMap<Address, Acct> accounts = new HashMap<>();
  /** Every address whose trie entry has been read (present or not). */
  private final HashSet<Address> loaded = new HashSet<>();
  /** Addresses changed since the last commit (a superset). Insertion-ordered so commits are deterministic. */
  private final LinkedHashSet<Address> dirty = new LinkedHashSet<>();

  /**
   * @param stateRoot the parent block's state root
   * @param blockNumber the parent block's number, which the account and storage hints carry
   */
  public TrieWorldState(Bytes32 stateRoot, long blockNumber, StateSource source, TrieHinter hinter) {
    this.source = Objects.requireNonNull(source, "source");
    this.hinter = Objects.requireNonNull(hinter, "hinter");
    this.blockNumber = blockNumber;
    this.stateTrie = Trie.open(stateRoot, source, hinter);
  }

  // ---- loading --------------------------------------------------------------------------------------

  private Acct get(Address a) {
    Acct x = accounts.get(a);
    if (x != null || loaded.contains(a)) return x;
    loaded.add(a);
    hinter.hintAccountProof(a, blockNumber);
    Bytes rlp;
    byte[] key = Hashing.keccak256(a.toArray());
    try {
      rlp = stateTrie.get(key);
    } catch (TrieException e) {
      throw new StateReadException("cannot read account " + a + " (state root " + stateTrie.rootHash() + "): "
          + e.getMessage(), e);
    }
    if (rlp == null) return null;
    Account acc = Account.decode(rlp.toArray());
    x = new Acct(a);
    x.trieKey = key;
    x.nonce = acc.nonce();
    x.balance = UInt256.fromBigInteger(acc.balance());
    x.codeHash = acc.codeHash();
    x.code = acc.codeHash().equals(Hashes.EMPTY_CODE_HASH) ? Code.EMPTY : null;
    x.storageTrie = acc.storageRoot().equals(Hashes.EMPTY_TRIE_ROOT) ? null : Trie.open(acc.storageRoot(), source, hinter);
    accounts.put(a, x);
    return x;
  }

  private Code loadCode(Acct x) {
    Code c = x.code;
    if (c != null) return c;
    byte[] bytes;
    try {
      bytes = source.code(x.codeHash);
    } catch (RuntimeException e) {
      throw new StateReadException("cannot read code " + x.codeHash + " of account " + x.address + ": " + e.getMessage(), e);
    }
    if (bytes == null) throw new StateReadException("code " + x.codeHash + " of account " + x.address + " is not available");
    if (!source.answersVerified()) {
      Bytes32 actual = Bytes32.wrap(Hashing.keccak256(bytes));
      if (!actual.equals(x.codeHash)) {
        throw new StateReadException("code served for " + x.codeHash + " (account " + x.address + ") hashes to " + actual);
      }
    }
    // Checked here or by the source: either way the hash is known, so EXTCODEHASH-style reads need not redo it.
    x.code = c = Code.withKnownHash(bytes, x.codeHash);
    return c;
  }

  // ---- accounts -----------------------------------------------------------------------------------------

  @Override
  public boolean exists(Address a) {
    return get(a) != null;
  }

  @Override
  public boolean isEmpty(Address a) {
    Acct x = get(a);
    return x == null || x.isEmpty();
  }

  @Override
  public UInt256 balance(Address a) {
    Acct x = get(a);
    return x == null ? UInt256.ZERO : x.balance;
  }

  @Override
  public long nonce(Address a) {
    Acct x = get(a);
    return x == null ? 0 : x.nonce;
  }

  @Override
  public Code code(Address a) {
    Acct x = get(a);
    return x == null ? Code.EMPTY : loadCode(x);
  }

  /** The hash from the account record: EXTCODEHASH never needs the code itself, so none is fetched. */
  @Override
  public Bytes32 codeHash(Address a) {
    Acct x = get(a);
    return x == null ? Hashes.EMPTY_CODE_HASH : x.codeHash;
  }

  @Override
  public boolean hasStorage(Address a) {
    Acct x = get(a);
    if (x == null) return false;
    for (UInt256 v : x.storage.values()) if (!v.isZero()) return true;
    // A trie root other than the empty root holds at least one non-zero slot; slots zeroed in the cache
    // could have emptied it, which the EIP-7610 check (a collision at a fresh address) never meets.
    return x.storageTrie != null && !x.storageTrie.rootHash().equals(Hashes.EMPTY_TRIE_ROOT);
  }

  private Acct getOrCreate(Address a) {
    Acct x = get(a);
    dirty.add(a);
    if (x == null) {
      x = new Acct(a);
      accounts.put(a, x);
      journal.add(() -> accounts.remove(a));
    }
    return x;
  }

  @Override
  public void createAccount(Address a) {
    Acct prev = get(a);
    Acct x = new Acct(a);
    if (prev != null) x.balance = prev.balance;
    accounts.put(a, x);
    dirty.add(a);
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
    Code prevCode = x.code;
    Bytes32 prevHash = x.codeHash;
    x.code = code;
    x.codeHash = code.hash();
    journal.add(() -> {
      x.code = prevCode;
      x.codeHash = prevHash;
    });
  }

  // ---- storage ---------------------------------------------------------------------------------------------

  @Override
  public UInt256 storage(Address a, UInt256 key) {
    Acct x = get(a);
    return x == null ? UInt256.ZERO : x.slot(key);
  }

  @Override
  public UInt256 originalStorage(Address a, UInt256 key) {
    Acct x = get(a);
    if (x == null) return UInt256.ZERO;
    UInt256 v = x.original.get(key);
    return v != null ? v : x.slot(key);
  }

  @Override
  public void setStorage(Address a, UInt256 key, UInt256 value) {
    Acct x = getOrCreate(a);
    UInt256 prev = x.slot(key);
    x.original.putIfAbsent(key, prev);
    x.storage.put(key, value);
    x.dirtySlots.add(key);
    journal.add(() -> x.storage.put(key, prev));
  }

  // ---- the back end's part of the transaction lifecycle ---------------------------------------------------

  @Override
  void deleteAccount(Address a) {
    if (get(a) != null) {
      accounts.remove(a);
      dirty.add(a);
    }
  }

  /** Only accounts written since the last commit can hold transaction-start values. */
  @Override
  void clearOriginalStorage() {
    for (Address a : dirty) {
      Acct x = accounts.get(a);
      if (x != null && !x.original.isEmpty()) x.original.clear();
    }
  }

  /**
   * Writes every changed account and slot into the tries and returns the state root. Call between
   * transactions; the state stays usable afterwards (the written values become the committed ones).
   */
  @Override
  public Bytes32 stateRoot() {
    for (Address a : dirty) {
      Acct x = accounts.get(a);
      byte[] key = x == null ? Hashing.keccak256(a.toArray()) : x.trieKey();
      try {
        if (x == null) {
          stateTrie.delete(key);
          continue;
        }
        Bytes32 storageRoot = commitStorage(x);
        Account acc = new Account(x.nonce, x.balance.toBigInteger(), storageRoot, x.codeHash);
        stateTrie.put(key, acc.encode());
      } catch (TrieException e) {
        throw new StateReadException("cannot write account " + a + " into the state trie: " + e.getMessage(), e);
      }
    }
    dirty.clear();
    return stateTrie.rootHash();
  }

  private Bytes32 commitStorage(Acct x) {
    if (!x.dirtySlots.isEmpty()) {
      if (x.storageTrie == null) x.storageTrie = Trie.open(Hashes.EMPTY_TRIE_ROOT, source, hinter);
      // Sorted so that the order of trie operations, and with it which nodes get hinted, is deterministic.
      List<UInt256> keys = new ArrayList<>(x.dirtySlots);
      keys.sort(null);
      for (UInt256 k : keys) {
        UInt256 v = x.storage.get(k);
        if (v == null) continue;
        byte[] hk = Hashing.keccak256(k.toBytes());
        try {
          if (v.isZero()) x.storageTrie.delete(hk);
          else x.storageTrie.put(hk, new RlpWriter(34).writeBytes(v.toMinimalBytes()).toByteArray());
        } catch (TrieException e) {
          throw new StateReadException("cannot write storage slot " + k.toBytes32() + " of account " + x.address
              + ": " + e.getMessage(), e);
        }
      }
      x.dirtySlots.clear();
    }
    return x.storageTrie == null ? Hashes.EMPTY_TRIE_ROOT : x.storageTrie.rootHash();
  }

  /** The storage root of {@code a} as of the last {@link #stateRoot()} (the Isthmus withdrawals root). */
  public Bytes32 committedStorageRoot(Address a) {
    Acct x = get(a);
    if (x == null || x.storageTrie == null) return Hashes.EMPTY_TRIE_ROOT;
    return x.storageTrie.rootHash();
  }

  /**
   * Hands every state and storage trie node held (as of the last {@link #stateRoot()}) to {@code sink} by hash: the
   * nodes a next block needs to read this state, which no oracle has since this block wrote them.
   */
  public void forEachTrieNode(java.util.function.BiConsumer<Bytes32, byte[]> sink) {
    stateTrie.forEachResolvedNode(sink);
    for (Acct x : accounts.values()) {
      if (x != null && x.storageTrie != null) x.storageTrie.forEachResolvedNode(sink);
    }
  }

  /** Every address whose account has been read or written, for diagnostics. */
  public java.util.Set<Address> accountsLoaded() {
    return java.util.Collections.unmodifiableSet(loaded);
  }
}
