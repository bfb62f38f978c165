package io.fpp4j.primitives;

import java.util.Arrays;

/**
 * An immutable byte string of any length (call data, extra data, log data). Records that hold one get
 * value equality, which a bare {@code byte[]} component would not give them.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Copies {@code bytes[off, off+len)}. */
  public static Bytes of(byte[] bytes, int off, int len) {
    return len == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, off, off + len));
  }

  /** Takes ownership of {@code bytes}: the caller must not modify the array afterwards. */
  public static Bytes adopt(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  public static Bytes fromHex(CharSequence hex) {
    return adopt(Hex.decode(hex));
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte get(int i) {
    return bytes[i];
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /**
   * The backing array, shared: for encoders that only read it. Writing to it breaks this value's
   * immutability.
   */
  public byte[] unsafeArray() {
    return bytes;
  }

  public String toHex() {
    return Hex.prefixed(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 64 ? toHex() : Hex.prefixed(Arrays.copyOf(bytes, 64)) + "...(" + bytes.length + " bytes)";
  }
}
