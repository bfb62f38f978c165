package io.fpp4j.mpt;

import io.fpp4j.primitives.Hex;
import java.util.Arrays;

/**
 * An immutable sequence of 4-bit nibbles: a trie path. A byte key becomes twice as many nibbles, high
 * nibble first. Nodes store the part of the path they cover in the hex-prefix ("compact") encoding of
 * the Yellow Paper, appendix C.
 */
public final class Nibbles {
  public static final Nibbles EMPTY = new Nibbles(new byte[0]);

  private final byte[] n; // one nibble (0..15) per byte

  private Nibbles(byte[] n) {
    this.n = n;
  }

  /** The nibbles of a byte key. */
  public static Nibbles fromKey(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return new Nibbles(out);
  }

  /** Nibbles from explicit values, each 0..15. */
  public static Nibbles of(int... nibbles) {
    byte[] out = new byte[nibbles.length];
    for (int i = 0; i < nibbles.length; i++) {
      if (nibbles[i] < 0 || nibbles[i] > 15) throw new IllegalArgumentException("not a nibble: " + nibbles[i]);
      out[i] = (byte) nibbles[i];
    }
    return new Nibbles(out);
  }

  public int length() {
    return n.length;
  }

  public boolean isEmpty() {
    return n.length == 0;
  }

  public int get(int i) {
    return n[i];
  }

  /** The nibbles from {@code from} to the end. */
  public Nibbles slice(int from) {
    return slice(from, n.length);
  }

  public Nibbles slice(int from, int to) {
    if (from == 0 && to == n.length) return this;
    if (from == to) return EMPTY;
    return new Nibbles(Arrays.copyOfRange(n, from, to));
  }

  /** This path followed by {@code other}. */
  public Nibbles concat(Nibbles other) {
    if (other.n.length == 0) return this;
    if (n.length == 0) return other;
    byte[] out = Arrays.copyOf(n, n.length + other.n.length);
    System.arraycopy(other.n, 0, out, n.length, other.n.length);
    return new Nibbles(out);
  }

  /** {@code nibble} followed by this path. */
  public Nibbles prepend(int nibble) {
    byte[] out = new byte[n.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(n, 0, out, 1, n.length);
    return new Nibbles(out);
  }

  /**
   * Length of the common prefix of this path and {@code other} read from {@code otherOffset}, at most
   * the length of this path.
   */
  public int commonPrefixLength(Nibbles other, int otherOffset) {
    int max = Math.min(n.length, other.n.length - otherOffset);
    int i = 0;
    while (i < max && n[i] == other.n[otherOffset + i]) i++;
    return i;
  }

  /** True if {@code other} from {@code otherOffset} starts with all of this path. */
  public boolean isPrefixOf(Nibbles other, int otherOffset) {
    return commonPrefixLength(other, otherOffset) == n.length;
  }

  /** The bytes of an even-length path. */
  public byte[] toKey() {
    if ((n.length & 1) != 0) throw new IllegalStateException("a path of " + n.length + " nibbles is not a whole number of bytes");
    byte[] out = new byte[n.length / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) (n[2 * i] << 4 | n[2 * i + 1]);
    return out;
  }

  /** Hex-prefix encoding: flag nibble (2 for a leaf, +1 if odd) then the nibbles, padded to bytes. */
  public byte[] toCompact(boolean leaf) {
    int flag = (leaf ? 2 : 0) + (n.length & 1);
    byte[] out = new byte[n.length / 2 + 1];
    int i = 0;
    if ((n.length & 1) != 0) {
      out[0] = (byte) (flag << 4 | n[0]);
      i = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int o = 1; o < out.length; o++, i += 2) out[o] = (byte) (n[i] << 4 | n[i + 1]);
    return out;
  }

  /** A decoded hex-prefix path: the nibbles and whether the flag marked a leaf. */
  public record Compact(Nibbles path, boolean leaf) {}

  /** Decodes a hex-prefix path, rejecting unknown flags and non-zero padding. */
  public static Compact fromCompact(byte[] compact) {
    if (compact.length == 0) throw new IllegalArgumentException("hex-prefix path is empty (it needs at least the flag byte)");
    int flag = (compact[0] >> 4) & 0x0f;
    if (flag > 3) {
      throw new IllegalArgumentException("hex-prefix path 0x" + Hex.encode(compact) + " has flag nibble " + flag + " (only 0-3 exist)");
    }
    boolean odd = (flag & 1) != 0;
    if (!odd && (compact[0] & 0x0f) != 0) {
      throw new IllegalArgumentException(
          "hex-prefix path 0x" + Hex.encode(compact) + " is even-length but its padding nibble is " + (compact[0] & 0x0f));
    }
    byte[] out = new byte[(compact.length - 1) * 2 + (odd ? 1 : 0)];
    int o = 0;
    if (odd) out[o++] = (byte) (compact[0] & 0x0f);
    for (int i = 1; i < compact.length; i++) {
      out[o++] = (byte) ((compact[i] >> 4) & 0x0f);
      out[o++] = (byte) (compact[i] & 0x0f);
    }
    return new Compact(new Nibbles(out), (flag & 2) != 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nibbles other && Arrays.equals(n, other.n);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(n);
  }

  /** The nibbles as hex digits, e.g. {@code [a,0,3]} is "a03". */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(n.length);
    for (byte b : n) sb.append(Character.forDigit(b, 16));
    return sb.toString();
  }
}
