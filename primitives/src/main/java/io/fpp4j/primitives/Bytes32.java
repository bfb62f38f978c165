package io.fpp4j.primitives;

import java.math.BigInteger;
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

  /** Copies 32 bytes of {@code src} starting at {@code off}. */
  public static Bytes32 wrap(byte[] src, int off) {
    if (off < 0 || src.length - off < 32) {
      throw new IllegalArgumentException(
          "need 32 bytes at offset " + off + " but the array has " + src.length + " bytes");
    }
    return new Bytes32(Arrays.copyOfRange(src, off, off + 32));
  }

  /** Left-pads up to 32 bytes with zeros (the big-endian form of a shorter number). */
  public static Bytes32 leftPad(byte[] bytes) {
    if (bytes.length > 32) {
      throw new IllegalArgumentException("cannot left-pad " + bytes.length + " bytes into 32");
    }
    byte[] out = new byte[32];
    System.arraycopy(bytes, 0, out, 32 - bytes.length, bytes.length);
    return new Bytes32(out);
  }

  /** The 32-byte big-endian form of an unsigned 256-bit number. */
  public static Bytes32 fromBigInteger(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not an unsigned 256-bit number: " + value);
    }
    byte[] raw = value.toByteArray();
    int skip = raw.length > 32 ? raw.length - 32 : 0; // BigInteger adds a sign byte at 2^255 and above
    byte[] out = new byte[32];
    System.arraycopy(raw, skip, out, 32 - (raw.length - skip), raw.length - skip);
    return new Bytes32(out);
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

  /** Copies the 32 bytes into {@code dst} at {@code off}. */
  public void copyTo(byte[] dst, int off) {
    System.arraycopy(bytes, 0, dst, off, 32);
  }

  /** The value read as an unsigned big-endian 256-bit number. */
  public BigInteger toBigInteger() {
    return new BigInteger(1, bytes);
  }

  public boolean isZero() {
    for (byte b : bytes) if (b != 0) return false;
    return true;
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
