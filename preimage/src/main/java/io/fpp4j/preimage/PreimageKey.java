package io.fpp4j.preimage;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A 32-byte preimage key: byte 0 is the {@link PreimageKeyType}, bytes 1..31 the key body. Hash-derived
 * keys overwrite byte 0 of a 32-byte digest with the type. Immutable.
 */
public final class PreimageKey {
  public static final int LENGTH = 32;

  private final byte[] bytes;
  private final PreimageKeyType type;

  private PreimageKey(byte[] bytes) {
    this.type = PreimageKeyType.fromByte(bytes[0]);
    this.bytes = bytes;
  }

  /** Parses 32 raw key bytes as read from the wire; rejects a wrong length or an unknown type byte. */
  public static PreimageKey of(byte[] key) {
    if (key.length != LENGTH) {
      throw new InvalidPreimageKeyException("a preimage key is 32 bytes, got " + key.length);
    }
    return new PreimageKey(key.clone());
  }

  /** Parses a 0x-prefixed (or bare) 64-digit hex key. */
  public static PreimageKey fromHex(String hex) {
    return new PreimageKey(Hex.decode(hex, LENGTH, "preimage key"));
  }

  /** {@code type ‖ digest[1:]}: the typed form of a 32-byte hash. */
  public static PreimageKey fromDigest(PreimageKeyType type, byte[] digest) {
    if (digest.length != LENGTH) {
      throw new InvalidPreimageKeyException("a digest for a " + type + " key is 32 bytes, got " + digest.length);
    }
    byte[] k = digest.clone();
    k[0] = type.code();
    return new PreimageKey(k);
  }

  /** Local (boot) key {@code 01 ‖ 00×23 ‖ u64be(index)}; the index is an unsigned 64-bit value. */
  public static PreimageKey local(long index) {
    byte[] k = new byte[LENGTH];
    k[0] = PreimageKeyType.LOCAL.code();
    ByteBuffer.wrap(k, 24, 8).putLong(index);
    return new PreimageKey(k);
  }

  /*
   * Two factories per hash type, with different names and parameter types on purpose: Kona's
   * new_keccak256 takes a digest, and a program mostly holds digests (a block hash, a trie node's
   * reference), while a host or a test holds the data. A single keccak256(byte[]) could be read either
   * way, and the two readings give different keys with no error, so the digest form takes a Bytes32 and
   * the hashing form carries "Of" in its name: the compiler tells the two apart.
   */

  /**
   * The keccak-256 key of the preimage whose hash is {@code digest}: {@code 02 ‖ digest[1:]}, as Kona's
   * {@code PreimageKey::new_keccak256} and op-preimage's {@code Keccak256Key(hash)}.
   */
  public static PreimageKey keccak256(Bytes32 digest) {
    return fromDigest(PreimageKeyType.KECCAK256, digest.toArray());
  }

  /** The keccak-256 key under which {@code preimage} itself is served: it hashes its argument. */
  public static PreimageKey keccak256Of(byte[] preimage) {
    return fromDigest(PreimageKeyType.KECCAK256, Hashing.keccak256(preimage));
  }

  /** The sha-256 key of the preimage whose hash is {@code digest}: {@code 04 ‖ digest[1:]}. */
  public static PreimageKey sha256(Bytes32 digest) {
    return fromDigest(PreimageKeyType.SHA256, digest.toArray());
  }

  /** The sha-256 key under which {@code preimage} itself is served: it hashes its argument. */
  public static PreimageKey sha256Of(byte[] preimage) {
    return fromDigest(PreimageKeyType.SHA256, Hashing.sha256(preimage));
  }

  /**
   * The key of one blob field element: {@code 05 ‖ keccak256(commitment ‖ z)[1:]}, where {@code z} is the
   * 32-byte big-endian evaluation point (a bit-reversed root of unity for current clients).
   */
  public static PreimageKey blob(byte[] commitment, byte[] z) {
    return fromDigest(PreimageKeyType.BLOB, Hashing.keccak256(blobKeyPreimage(commitment, z)));
  }

  /** The 80 bytes {@code commitment ‖ z} whose keccak is a blob key's body; hosts store it too. */
  public static byte[] blobKeyPreimage(byte[] commitment, byte[] z) {
    requireLength(commitment, 48, "KZG commitment");
    requireLength(z, 32, "blob evaluation point z");
    byte[] out = Arrays.copyOf(commitment, 80);
    System.arraycopy(z, 0, out, 48, 32);
    return out;
  }

  /**
   * The precompile key used by current clients and the on-chain oracle:
   * {@code 06 ‖ keccak256(address ‖ u64be(requiredGas) ‖ input)[1:]}.
   */
  public static PreimageKey precompile(byte[] address, long requiredGas, byte[] input) {
    return fromDigest(PreimageKeyType.PRECOMPILE, Hashing.keccak256(precompileKeyPreimage(address, requiredGas, input)));
  }

  /** The bytes {@code address ‖ u64be(requiredGas) ‖ input} whose keccak is a precompile key's body. */
  public static byte[] precompileKeyPreimage(byte[] address, long requiredGas, byte[] input) {
    requireLength(address, 20, "precompile address");
    byte[] out = new byte[28 + input.length];
    System.arraycopy(address, 0, out, 0, 20);
    ByteBuffer.wrap(out, 20, 8).putLong(requiredGas);
    System.arraycopy(input, 0, out, 28, input.length);
    return out;
  }

  /** The pre-2024 precompile key without the gas field, {@code 06 ‖ keccak256(address ‖ input)[1:]}. */
  public static PreimageKey legacyPrecompile(byte[] address, byte[] input) {
    requireLength(address, 20, "precompile address");
    return fromDigest(PreimageKeyType.PRECOMPILE, Hashing.keccak256(address, input));
  }

  public PreimageKeyType type() {
    return type;
  }

  /** A copy of the 32 key bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 key bytes into {@code dst} at {@code off} without allocating. */
  public void copyTo(byte[] dst, int off) {
    System.arraycopy(bytes, 0, dst, off, LENGTH);
  }

  /** For a local key, its index (bytes 24..31 as an unsigned u64; bytes 1..23 must be zero). */
  public long localIndex() {
    if (type != PreimageKeyType.LOCAL) {
      throw new IllegalStateException("not a local key: " + this);
    }
    for (int i = 1; i < 24; i++) {
      if (bytes[i] != 0) throw new IllegalStateException("local key index does not fit in 64 bits: " + this);
    }
    return ByteBuffer.wrap(bytes, 24, 8).getLong();
  }

  /** True if bytes 1..31 equal bytes 1..31 of {@code digest}: how verifiers compare. */
  public boolean bodyMatches(byte[] digest) {
    return Arrays.equals(bytes, 1, LENGTH, digest, 1, LENGTH);
  }

  public String hex() {
    return Hex.prefixed(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreimageKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The 0x-prefixed lowercase hex of the typed key (as Kona displays it). */
  @Override
  public String toString() {
    return hex();
  }

  private static void requireLength(byte[] b, int n, String what) {
    if (b.length != n) throw new IllegalArgumentException(what + " must be " + n + " bytes, got " + b.length);
  }
}
