package io.fpp4j.primitives;

import java.util.Arrays;

/** An immutable 20-byte Ethereum account address. */
public final class Address implements Comparable<Address> {
  public static final int LENGTH = 20;
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 20 long. */
  public static Address wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an address must be 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /** Parses 40 hex digits, with or without {@code 0x}; the EIP-55 mixed-case checksum is not enforced. */
  public static Address fromHex(CharSequence hex) {
    return new Address(Hex.decode(hex, LENGTH, "address"));
  }

  /** A copy of the 20 bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public byte get(int i) {
    return bytes[i];
  }

  /** keccak256 of the address: the account's key in the state trie. */
  public Bytes32 keccak256() {
    return Bytes32.keccak256(bytes);
  }

  public String toHex() {
    return Hex.prefixed(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
