package io.fpp4j.evm;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;

/**
 * An immutable unsigned 256-bit number as four 64-bit limbs ({@code u0} least significant): balances,
 * call values, storage keys and values. The interpreter's stack holds the same limbs in a flat
 * {@code long[]}; this type is for values that leave the stack (state, messages, results).
 */
public final class UInt256 implements Comparable<UInt256> {
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(1, 0, 0, 0);
  public static final UInt256 MAX = new UInt256(-1, -1, -1, -1);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  public final long u0;
  public final long u1;
  public final long u2;
  public final long u3;

  private UInt256(long u0, long u1, long u2, long u3) {
    this.u0 = u0;
    this.u1 = u1;
    this.u2 = u2;
    this.u3 = u3;
  }

  public static UInt256 of(long u0, long u1, long u2, long u3) {
    if ((u0 | u1 | u2 | u3) == 0) return ZERO;
    return new UInt256(u0, u1, u2, u3);
  }

  /** {@code v} read as an unsigned 64-bit number. */
  public static UInt256 ofUnsigned(long v) {
    return of(v, 0, 0, 0);
  }

  /** Reads limbs {@code [off, off+4)} of a stack array. */
  public static UInt256 fromLimbs(long[] s, int off) {
    return of(s[off], s[off + 1], s[off + 2], s[off + 3]);
  }

  public void toLimbs(long[] s, int off) {
    s[off] = u0;
    s[off + 1] = u1;
    s[off + 2] = u2;
    s[off + 3] = u3;
  }

  /** Big-endian bytes, at most 32 (shorter inputs are left-padded). */
  public static UInt256 fromBytes(byte[] b) {
    return fromBytes(b, 0, b.length);
  }

  public static UInt256 fromBytes(byte[] b, int off, int len) {
    if (len > 32) throw new IllegalArgumentException("more than 32 bytes for a 256-bit number: " + len);
    long[] l = new long[4];
    for (int i = 0; i < len; i++) {
      int pos = len - 1 - i; // byte significance
      l[pos >>> 3] |= (b[off + i] & 0xffL) << ((pos & 7) << 3);
    }
    return of(l[0], l[1], l[2], l[3]);
  }

  public static UInt256 fromBytes32(Bytes32 b) {
    return fromBytes(b.toArray());
  }

  public static UInt256 fromBigInteger(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not an unsigned 256-bit number: " + v);
    }
    return of(v.longValue(), v.shiftRight(64).longValue(), v.shiftRight(128).longValue(),
        v.shiftRight(192).longValue());
  }

  /** Parses {@code 0x}-prefixed hex (or plain hex) of up to 64 digits. */
  public static UInt256 fromHex(String hex) {
    return fromBigInteger(new BigInteger(hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex, 16));
  }

  public BigInteger toBigInteger() {
    byte[] b = new byte[33];
    writeTo(b, 1);
    return new BigInteger(b);
  }

  /** Writes the 32 big-endian bytes at {@code off}. */
  public void writeTo(byte[] dst, int off) {
    Words.putLong(dst, off, u3);
    Words.putLong(dst, off + 8, u2);
    Words.putLong(dst, off + 16, u1);
    Words.putLong(dst, off + 24, u0);
  }

  public byte[] toBytes() {
    byte[] b = new byte[32];
    writeTo(b, 0);
    return b;
  }

  public Bytes32 toBytes32() {
    return Bytes32.wrap(toBytes());
  }

  /** Big-endian bytes without leading zeros (empty for zero): the RLP integer form. */
  public byte[] toMinimalBytes() {
    byte[] b = toBytes();
    int i = 0;
    while (i < 32 && b[i] == 0) i++;
    return java.util.Arrays.copyOfRange(b, i, 32);
  }

  public boolean isZero() {
    return (u0 | u1 | u2 | u3) == 0;
  }

  /** True if the value fits in a non-negative {@code long}. */
  public boolean fitsLong() {
    return (u1 | u2 | u3) == 0 && u0 >= 0;
  }

  public long toLongExact() {
    if (!fitsLong()) throw new ArithmeticException("does not fit a long: " + this);
    return u0;
  }

  public UInt256 add(UInt256 o) {
    long r0 = u0 + o.u0;
    long c = Words.carry(u0, o.u0, r0);
    long r1 = u1 + o.u1 + c;
    c = Words.carry(u1, o.u1, r1);
    long r2 = u2 + o.u2 + c;
    c = Words.carry(u2, o.u2, r2);
    long r3 = u3 + o.u3 + c;
    return of(r0, r1, r2, r3);
  }

  /** {@code this + o}, or {@code null} if the sum does not fit 256 bits. */
  public UInt256 addExact(UInt256 o) {
    UInt256 r = add(o);
    return r.compareTo(this) < 0 ? null : r;
  }

  public UInt256 sub(UInt256 o) {
    long r0 = u0 - o.u0;
    long b = Words.borrow(u0, o.u0, r0);
    long r1 = u1 - o.u1 - b;
    b = Words.borrow(u1, o.u1, r1);
    long r2 = u2 - o.u2 - b;
    b = Words.borrow(u2, o.u2, r2);
    long r3 = u3 - o.u3 - b;
    return of(r0, r1, r2, r3);
  }

  @Override
  public int compareTo(UInt256 o) {
    int c = Long.compareUnsigned(u3, o.u3);
    if (c != 0) return c;
    c = Long.compareUnsigned(u2, o.u2);
    if (c != 0) return c;
    c = Long.compareUnsigned(u1, o.u1);
    if (c != 0) return c;
    return Long.compareUnsigned(u0, o.u0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UInt256 x && x.u0 == u0 && x.u1 == u1 && x.u2 == u2 && x.u3 == u3;
  }

  @Override
  public int hashCode() {
    long h = u0 * 31 + u1;
    h = h * 31 + u2;
    h = h * 31 + u3;
    return (int) (h ^ (h >>> 32));
  }

  public String toHex() {
    return "0x" + Hex.encode(toBytes());
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }

  static BigInteger twoTo256() {
    return TWO_256;
  }
}
