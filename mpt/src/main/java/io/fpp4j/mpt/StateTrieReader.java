package io.fpp4j.mpt;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.state.Account;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads accounts and storage slots from the state at a block, the way kona's trie-backed database
 * does: it first tells the hinter which account or slot it is about to read (so a host can fetch the
 * proof), then walks the state trie under {@code keccak256(address)} and the account's storage trie
 * under {@code keccak256(slot)}. Fetched nodes are kept for later reads.
 */
public final class StateTrieReader {
  private final Trie state;
  private final long blockNumber;
  private final TrieProvider provider;
  private final TrieHinter hinter;
  private final Map<Address, Trie> storageTries = new HashMap<>();

  public StateTrieReader(Bytes32 stateRoot, long blockNumber, TrieProvider provider, TrieHinter hinter) {
    this.state = Trie.open(stateRoot, provider, hinter);
    this.blockNumber = blockNumber;
    this.provider = provider;
    this.hinter = hinter;
  }

  /** The account at {@code address}, or empty if the state has none. */
  public Optional<Account> account(Address address) {
    hinter.hintAccountProof(address, blockNumber);
    return readAccount(address);
  }

  private Optional<Account> readAccount(Address address) {
    Bytes raw = state.get(address.keccak256().toArray());
    if (raw == null) return Optional.empty();
    try {
      return Optional.of(Account.decode(raw.toArray()));
    } catch (RlpException e) {
      throw new TrieException(TrieException.Reason.MALFORMED_NODE, "state trie value for " + address + " is not an account: " + e.getMessage(), e);
    }
  }

  /**
   * The value of storage slot {@code slot} of {@code address}; zero if the account or slot is absent.
   * Only the storage proof is hinted: it includes the account's proof.
   */
  public Bytes32 storage(Address address, Bytes32 slot) {
    hinter.hintStorageProof(address, slot, blockNumber);
    Trie storage = storageTries.get(address);
    if (storage == null) {
      Optional<Account> account = readAccount(address);
      if (account.isEmpty()) return Bytes32.ZERO;
      storage = Trie.open(account.get().storageRoot(), provider, hinter);
      storageTries.put(address, storage);
    }
    Bytes raw = storage.get(Hashing.keccak256(slot.toArray()));
    if (raw == null) return Bytes32.ZERO;
    try {
      RlpReader r = RlpReader.of(raw.toArray());
      BigInteger v = r.readBigInteger(32, "storage value");
      r.finish("storage value");
      return Bytes32.fromBigInteger(v);
    } catch (RlpException e) {
      throw new TrieException(TrieException.Reason.MALFORMED_NODE,
          "storage value of " + address + " slot " + slot + " is not an RLP integer: " + e.getMessage(), e);
    }
  }

  /** The state trie, with whatever has been fetched so far. */
  public Trie stateTrie() {
    return state;
  }
}
