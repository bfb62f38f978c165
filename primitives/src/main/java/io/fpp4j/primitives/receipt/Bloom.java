package io.fpp4j.primitives.receipt;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.util.Arrays;

/**
 * The 2048-bit logs bloom of receipts and headers. Each log address and topic sets three bits, chosen
 * by the low 11 bits of the first three byte pairs of its keccak256.
 */
public final class Bloom {
  public static final int LENGTH = 256;
  public static final Bloom EMPTY = new Bloom(new byte[LENGTH]);

  private final byte[] bits;

  private Bloom(byte[] bits) {
    this.bits = bits;
  }

  /** Copies 256 bytes. */
  public static Bloom wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a logs bloom must be 256 bytes, got " + bytes.length);
    }
    return new Bloom(bytes.clone());
  }

  public static Bloom fromHex(CharSequence hex) {
    return new Bloom(Hex.decode(hex, LENGTH, "logs bloom"));
  }

  /** The bloom of a set of logs: every log's address and each of its topics. */
  public static Bloom of(Iterable<Log> logs) {
    byte[] b = new byte[LENGTH];
    for (Log log : logs) {
      accrue(b, log.address().toArray());
      for (Bytes32 t : log.topics()) accrue(b, t.toArray());
    }
    return new Bloom(b);
  }

  /** This bloom OR-ed with {@code other} (a header's bloom is the union of its receipts'). */
  public Bloom or(Bloom other) {
    byte[] b = bits.clone();
    for (int i = 0; i < LENGTH; i++) b[i] |= other.bits[i];
    return new Bloom(b);
  }

  /** True if {@code input} may have been added: false positives are possible, false negatives are not. */
  public boolean mayContain(byte[] input) {
    byte[] h = Hashing.keccak256(input);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 2047;
      if ((bits[LENGTH - 1 - bit / 8] & (1 << (bit % 8))) == 0) return false;
    }
    return true;
  }

  public boolean mayContain(Address a) {
    return mayContain(a.toArray());
  }

  public boolean mayContain(Bytes32 topic) {
    return mayContain(topic.toArray());
  }

  private static void accrue(byte[] b, byte[] input) {
    byte[] h = Hashing.keccak256(input);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 2047;
      b[LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  public byte[] toArray() {
    return bits.clone();
  }

  public String toHex() {
    return Hex.prefixed(bits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bloom other && Arrays.equals(bits, other.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
