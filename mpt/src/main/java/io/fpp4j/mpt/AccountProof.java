package io.fpp4j.mpt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.state.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code eth_getProof}: an account's fields, the state-trie nodes proving them, and for
 * each requested storage slot its value and the storage-trie nodes proving it. {@link #verify} checks
 * all of it against a state root.
 */
public record AccountProof(
    Address address, long nonce, BigInteger balance, Bytes32 storageHash, Bytes32 codeHash,
    List<byte[]> accountProof, List<StorageProof> storageProof) {

  /** One storage slot's claimed value and its proof under the account's storage root. */
  public record StorageProof(Bytes32 key, BigInteger value, List<byte[]> proof) {
    public StorageProof {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      proof = List.copyOf(proof);
    }
  }

  public AccountProof {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(storageHash, "storageHash");
    Objects.requireNonNull(codeHash, "codeHash");
    accountProof = List.copyOf(accountProof);
    storageProof = List.copyOf(storageProof);
  }

  /** The account these fields describe. */
  public Account account() {
    return new Account(nonce, balance, storageHash, codeHash);
  }

  /**
   * Checks the account proof against {@code stateRoot} and every storage proof against the account's
   * storage root. An absent account must be claimed as the empty account, an absent slot as zero.
   *
   * @throws TrieException if a proof is incomplete or malformed
   * @throws IllegalArgumentException naming the first field whose claimed value the proof contradicts
   */
  public void verify(Bytes32 stateRoot) {
    Bytes raw = ProofVerifier.verify(stateRoot, address.keccak256().toArray(), accountProof);
    Account proven = raw == null ? Account.EMPTY : Account.decode(raw.toArray());
    Account claimed = account();
    if (!proven.equals(claimed)) {
      throw new IllegalArgumentException("eth_getProof for " + address + " claims " + claimed + " but the proof under "
          + stateRoot + " shows " + (raw == null ? "no account (" + proven + ")" : proven));
    }
    for (StorageProof sp : storageProof) {
      Bytes v = ProofVerifier.verify(storageHash, Hashing.keccak256(sp.key().toArray()), sp.proof());
      BigInteger proven256 = v == null ? BigInteger.ZERO : storageValue(v);
      if (!proven256.equals(sp.value())) {
        throw new IllegalArgumentException("eth_getProof for " + address + " slot " + sp.key() + " claims 0x"
            + sp.value().toString(16) + " but the proof shows 0x" + proven256.toString(16));
      }
    }
  }

  /** A storage trie value: the RLP of the slot's value as a minimal integer. */
  static BigInteger storageValue(Bytes raw) {
    RlpReader r = RlpReader.of(raw.unsafeArray());
    BigInteger v = r.readBigInteger(32, "storage value");
    r.finish("storage value");
    return v;
  }

  /** Parses the JSON result object of {@code eth_getProof}. */
  public static AccountProof fromJson(String json) {
    try {
      return fromJson(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("eth_getProof result is not valid JSON: " + e.getMessage(), e);
    }
  }

  public static AccountProof fromJson(JsonNode n) {
    List<StorageProof> storage = new ArrayList<>();
    JsonNode sp = n.get("storageProof");
    if (sp != null && !sp.isNull()) {
      for (JsonNode s : sp) {
        storage.add(new StorageProof(Bytes32.leftPad(Hex.decodePrefixed(text(s, "key"))),
            JsonQuantity.parseBig(text(s, "value"), 256, "storageProof.value"), nodes(s, "proof")));
      }
    }
    return new AccountProof(Address.fromHex(text(n, "address")),
        JsonQuantity.parseU64(text(n, "nonce"), "nonce"),
        JsonQuantity.parseBig(text(n, "balance"), 256, "balance"),
        Bytes32.fromHex(text(n, "storageHash")),
        Bytes32.fromHex(text(n, "codeHash")),
        nodes(n, "accountProof"), storage);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) throw new IllegalArgumentException("eth_getProof result lacks string field " + field);
    return v.asText();
  }

  private static List<byte[]> nodes(JsonNode n, String field) {
    JsonNode arr = n.get(field);
    if (arr == null || !arr.isArray()) throw new IllegalArgumentException("eth_getProof result lacks array " + field);
    List<byte[]> out = new ArrayList<>();
    for (JsonNode e : arr) out.add(Hex.decodePrefixed(e.asText()));
    return out;
  }

  /** True if this proof claims the account does not exist. */
  public boolean claimsEmpty() {
    return nonce == 0 && balance.signum() == 0 && storageHash.equals(Hashes.EMPTY_TRIE_ROOT)
        && codeHash.equals(Hashes.EMPTY_CODE_HASH);
  }
}
