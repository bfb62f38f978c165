package io.fpp4j.host.store;

import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves an untyped keccak store, whose raw keys are the whole {@code keccak256(value)} with no type byte
 * (the executor fixtures' RocksDB, geth-style node databases), as keccak preimages: the typed key
 * {@code 02 ‖ h[1:]} finds the value stored under {@code h}.
 *
 * <p>A typed key has lost byte 0 of the hash, so the store cannot be asked directly; instead an index from
 * the 31-byte key body to the raw key is built once, at {@link #over}. Each value served is hashed again, so
 * a corrupt database yields an error naming the key rather than a wrong preimage. Takes ownership of the
 * raw store.
 */
public final class UntypedKeccakStore implements KeyValueStore {
  private final KeyValueStore raw;
  /** Typed key ({@code 02 ‖ body}) to the raw key holding the value. */
  private final Map<Bytes32, Bytes32> index;

  private UntypedKeccakStore(KeyValueStore raw, Map<Bytes32, Bytes32> index) {
    this.raw = raw;
    this.index = index;
  }

  /** Lists {@code raw} once to build the index; the adapter owns {@code raw} from here on. */
  public static UntypedKeccakStore over(KeyValueStore raw) {
    Map<Bytes32, Bytes32> index = new ConcurrentHashMap<>();
    raw.forEach((key, value) -> {
      Bytes32 earlier = index.putIfAbsent(typed(key), key);
      if (earlier != null) {
        throw new StoreException(raw.describe() + " is not an untyped keccak store: raw keys " + earlier + " and "
            + key + " differ only in byte 0");
      }
    });
    return new UntypedKeccakStore(raw, index);
  }

  /** {@code 02 ‖ hash[1:]}. */
  private static Bytes32 typed(Bytes32 hash) {
    byte[] k = hash.toArray();
    k[0] = PreimageKeyType.KECCAK256.code();
    return Bytes32.wrap(k);
  }

  /** Only keccak256 keys can be served; any other key is simply absent. */
  @Override
  public Optional<byte[]> getRaw(Bytes32 key) {
    if (key.get(0) != PreimageKeyType.KECCAK256.code()) return Optional.empty();
    Bytes32 rawKey = index.get(key);
    if (rawKey == null) return Optional.empty();
    Optional<byte[]> value = raw.getRaw(rawKey);
    value.ifPresent(v -> {
      byte[] digest = Hashing.keccak256(v);
      if (!Arrays.equals(digest, rawKey.toArray())) {
        throw new StoreException("corrupt entry " + rawKey + " in untyped keccak store " + raw.describe()
            + " (asked for " + key + "): the keccak256 of its " + v.length + "-byte value is " + Hex.prefixed(digest));
      }
    });
    return value;
  }

  /** Stores a keccak preimage under its full hash, as the untyped layout wants; other key types are refused. */
  @Override
  public void putRaw(Bytes32 key, byte[] value) {
    if (key.get(0) != PreimageKeyType.KECCAK256.code()) {
      throw new StoreException("untyped keccak store " + raw.describe() + " holds only keccak256 preimages; cannot"
          + " store " + key);
    }
    Bytes32 hash = Bytes32.wrap(Hashing.keccak256(value));
    if (!typed(hash).equals(key)) {
      throw new StoreException("cannot store " + key + " in untyped keccak store " + raw.describe()
          + ": the keccak256 of the " + value.length + "-byte value is " + hash);
    }
    raw.putRaw(hash, value);
    index.put(key, hash);
  }

  /** Lists the entries under their typed keys. */
  @Override
  public void forEach(EntryVisitor visitor) {
    raw.forEach(new EntryVisitor() {
      @Override
      public void entry(Bytes32 key, byte[] value) {
        visitor.entry(typed(key), value);
      }

      @Override
      public void unreadable(UnreadableEntry entry) {
        visitor.unreadable(entry);
      }
    });
  }

  /** The number of indexed entries. */
  public int size() {
    return index.size();
  }

  @Override
  public String format() {
    return "untyped-keccak " + raw.format();
  }

  @Override
  public String describe() {
    return "untyped-keccak(" + raw.describe() + ")";
  }

  @Override
  public void close() {
    raw.close();
  }
}
