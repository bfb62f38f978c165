package io.fpp4j.primitives;

import java.util.Arrays;

/** An immutable 32-byte value (hash, storage slot, root). */
public final class Bytes32 implements Comparable<Bytes32> {
  public static final Bytes32 ZERO = new Bytes32(new byte[32]);

  private final byte[] bytes;

  private Bytes32(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 32 long. */
  public static Bytes32 wrap(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
    }
    return new Bytes32(bytes.clone());
  }

  public static Bytes32 fromHex(CharSequence hex) {
    return new Bytes32(Hex.decode(hex, 32, "32-byte value"));
  }

  public static Bytes32 keccak256(byte[] data) {
    return new Bytes32(Hashing.keccak256(data));
  }

  /** A copy of the 32 bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public byte get(int i) {
    return bytes[i];
  }

  public String toHex() {
    return Hex.prefixed(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Bytes32 o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
