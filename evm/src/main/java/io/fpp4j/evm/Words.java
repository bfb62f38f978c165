package io.fpp4j.evm;

import io.fpp4j.primitives.Uint64;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 256-bit arithmetic on a flat {@code long[]} stack: word {@code i} occupies limbs {@code [4i, 4i+4)},
 * least significant limb first. Binary operations read their first operand at offset {@code a} (the top
 * of the stack) and their second at {@code b} (the word below) and write the result over {@code b}, so
 * the caller only has to drop one word. Everything is on limbs: wide division goes through
 * {@link LongDivision}; no BigInteger on any path.
 */
public final class Words {
  private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Words() {}

  static void putLong(byte[] b, int off, long v) {
    BE_LONG.set(b, off, v);
  }

  static long getLong(byte[] b, int off) {
    return (long) BE_LONG.get(b, off);
  }

  /** The carry out of {@code x + y (+ carry in) = sum}. */
  static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** The borrow out of {@code x - y (- borrow in) = diff}. */
  static long borrow(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
  }

  /**
   * The high half of an unsigned 64x64-bit product: Math.unsignedMultiplyHigh where the JDK has it (18 and
   * later, an intrinsic there: one MUL instead of a signed product and two corrections), else {@link
   * Uint64#multiplyHigh}. Chosen once; a static final MethodHandle is a constant to the JIT, so the call inlines.
   */
  private static final MethodHandle UMULH = unsignedMultiplyHigh();

  private static MethodHandle unsignedMultiplyHigh() {
    MethodType type = MethodType.methodType(long.class, long.class, long.class);
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      return lookup.findStatic(Math.class, "unsignedMultiplyHigh", type);
    } catch (NoSuchMethodException e) {
      try {
        return lookup.findStatic(Uint64.class, "multiplyHigh", type);
      } catch (ReflectiveOperationException impossible) {
        throw new ExceptionInInitializerError(impossible);
      }
    } catch (IllegalAccessException impossible) {
      throw new ExceptionInInitializerError(impossible);
    }
  }

  /** The high 64 bits of the unsigned 128-bit product. */
  static long umulh(long x, long y) {
    try {
      return (long) UMULH.invokeExact(x, y);
    } catch (Throwable impossible) { // neither target throws
      throw new AssertionError(impossible);
    }
  }

  // ---- loads and stores -------------------------------------------------------------------------

  /** Writes the 32 big-endian bytes of word {@code a} into {@code dst} at {@code off}. */
  public static void store(long[] s, int a, byte[] dst, int off) {
    BE_LONG.set(dst, off, s[a + 3]);
    BE_LONG.set(dst, off + 8, s[a + 2]);
    BE_LONG.set(dst, off + 16, s[a + 1]);
    BE_LONG.set(dst, off + 24, s[a]);
  }

  /** Reads 32 big-endian bytes of {@code src} at {@code off} into word {@code a}. */
  public static void load(long[] s, int a, byte[] src, int off) {
    s[a + 3] = (long) BE_LONG.get(src, off);
    s[a + 2] = (long) BE_LONG.get(src, off + 8);
    s[a + 1] = (long) BE_LONG.get(src, off + 16);
    s[a] = (long) BE_LONG.get(src, off + 24);
  }

  /**
   * Reads {@code len} (at most 32) big-endian bytes of {@code src} at {@code off} into word {@code a};
   * bytes past the end of {@code src} read as zero (PUSH at the end of code, CALLDATALOAD past the end).
   * With {@code rightPad} the bytes are the high end of the word (CALLDATALOAD), else the low end (PUSH).
   */
  public static void loadPartial(long[] s, int a, byte[] src, int off, int len, boolean rightPad) {
    s[a] = 0;
    s[a + 1] = 0;
    s[a + 2] = 0;
    s[a + 3] = 0;
    int avail = Math.max(0, Math.min(len, src.length - off));
    for (int i = 0; i < avail; i++) {
      int pos = rightPad ? 31 - i : len - 1 - i; // significance of this byte
      s[a + (pos >>> 3)] |= (src[off + i] & 0xffL) << ((pos & 7) << 3);
    }
  }

  /** PUSHn: the {@code len} bytes after {@code pc} into word {@code a}, with whole-limb reads where possible. */
  static void push(long[] s, int a, byte[] code, int start, int len) {
    int end = start + len;
    if (end > code.length) { // truncated PUSH at the end of code: missing bytes read as zero
      loadPartial(s, a, code, start, len, false);
      return;
    }
    int p = end;
    for (int k = 0; k < 4; k++) {
      int lo = Math.max(start, p - 8);
      long v;
      if (p - lo == 8) {
        v = (long) BE_LONG.get(code, lo);
      } else {
        v = 0;
        for (int i = lo; i < p; i++) v = (v << 8) | (code[i] & 0xff);
      }
      s[a + k] = v;
      p = lo;
    }
  }

  // ---- arithmetic --------------------------------------------------------------------------------

  public static void add(long[] s, int a, int b) {
    long x = s[a], y = s[b], r = x + y;
    long c = carry(x, y, r);
    s[b] = r;
    x = s[a + 1]; y = s[b + 1]; r = x + y + c;
    c = carry(x, y, r);
    s[b + 1] = r;
    x = s[a + 2]; y = s[b + 2]; r = x + y + c;
    c = carry(x, y, r);
    s[b + 2] = r;
    s[b + 3] = s[a + 3] + s[b + 3] + c;
  }

  public static void sub(long[] s, int a, int b) {
    long x = s[a], y = s[b], r = x - y;
    long c = borrow(x, y, r);
    s[b] = r;
    x = s[a + 1]; y = s[b + 1]; r = x - y - c;
    c = borrow(x, y, r);
    s[b + 1] = r;
    x = s[a + 2]; y = s[b + 2]; r = x - y - c;
    c = borrow(x, y, r);
    s[b + 2] = r;
    s[b + 3] = s[a + 3] - s[b + 3] - c;
  }

  public static void mul(long[] s, int a, int b) {
    mul(s, a, s, b, s, b);
  }

  /** {@code out = x * y mod 2^256}; {@code out} may alias either input. */
  static void mul(long[] xs, int xo, long[] ys, int yo, long[] out, int oo) {
    long x0 = xs[xo], x1 = xs[xo + 1], x2 = xs[xo + 2], x3 = xs[xo + 3];
    long y0 = ys[yo], y1 = ys[yo + 1], y2 = ys[yo + 2], y3 = ys[yo + 3];
    // Row x0.
    long r0 = x0 * y0;
    long c = umulh(x0, y0);
    long p = x0 * y1;
    long r1 = p + c;
    c = umulh(x0, y1) + (Long.compareUnsigned(r1, p) < 0 ? 1 : 0);
    p = x0 * y2;
    long r2 = p + c;
    c = umulh(x0, y2) + (Long.compareUnsigned(r2, p) < 0 ? 1 : 0);
    long r3 = x0 * y3 + c;
    // Row x1.
    p = x1 * y0;
    long t = r1 + p;
    c = umulh(x1, y0) + (Long.compareUnsigned(t, p) < 0 ? 1 : 0);
    r1 = t;
    p = x1 * y1;
    long q = p + c;
    long qc = umulh(x1, y1) + (Long.compareUnsigned(q, p) < 0 ? 1 : 0);
    t = r2 + q;
    c = qc + (Long.compareUnsigned(t, q) < 0 ? 1 : 0);
    r2 = t;
    r3 += x1 * y2 + c;
    // Row x2.
    p = x2 * y0;
    t = r2 + p;
    c = umulh(x2, y0) + (Long.compareUnsigned(t, p) < 0 ? 1 : 0);
    r2 = t;
    r3 += x2 * y1 + c;
    // Row x3.
    r3 += x3 * y0;
    out[oo] = r0;
    out[oo + 1] = r1;
    out[oo + 2] = r2;
    out[oo + 3] = r3;
  }

  static boolean isZero(long[] s, int a) {
    return (s[a] | s[a + 1] | s[a + 2] | s[a + 3]) == 0;
  }

  /** True if word {@code a} fits 64 unsigned bits. */
  static boolean fits64(long[] s, int a) {
    return (s[a + 1] | s[a + 2] | s[a + 3]) == 0;
  }

  static void set(long[] s, int a, long v0) {
    s[a] = v0;
    s[a + 1] = 0;
    s[a + 2] = 0;
    s[a + 3] = 0;
  }

  public static void div(long[] s, int a, int b) {
    if (isZero(s, b)) { // x / 0 = 0
      return;
    }
    if (fits64(s, a) && fits64(s, b)) {
      set(s, b, Long.divideUnsigned(s[a], s[b]));
      return;
    }
    if (lessThan(s, a, b)) {
      set(s, b, 0);
      return;
    }
    if (fits64(s, b) && (s[b] >>> 32) == 0) LongDivision.divideBySmall(s, a, b, false);
    else LongDivision.divide(LongDivision.digits(s, a, 4), LongDivision.digits(s, b, 4), false, s, b);
  }

  public static void mod(long[] s, int a, int b) {
    if (isZero(s, b)) return;
    if (fits64(s, a) && fits64(s, b)) {
      set(s, b, Long.remainderUnsigned(s[a], s[b]));
      return;
    }
    if (lessThan(s, a, b)) {
      s[b] = s[a];
      s[b + 1] = s[a + 1];
      s[b + 2] = s[a + 2];
      s[b + 3] = s[a + 3];
      return;
    }
    if (fits64(s, b) && (s[b] >>> 32) == 0) LongDivision.divideBySmall(s, a, b, true);
    else LongDivision.divide(LongDivision.digits(s, a, 4), LongDivision.digits(s, b, 4), true, s, b);
  }

  static boolean negative(long[] s, int a) {
    return s[a + 3] < 0;
  }

  /** Two's complement negation of word {@code a} in place. */
  static void negate(long[] s, int a) {
    long r0 = ~s[a] + 1;
    long c = r0 == 0 ? 1 : 0;
    long r1 = ~s[a + 1] + c;
    c = (c == 1 && r1 == 0) ? 1 : 0;
    long r2 = ~s[a + 2] + c;
    c = (c == 1 && r2 == 0) ? 1 : 0;
    s[a + 3] = ~s[a + 3] + c;
    s[a] = r0;
    s[a + 1] = r1;
    s[a + 2] = r2;
  }

  /** SDIV: truncates toward zero; MIN / -1 overflows back to MIN, as two's complement does. */
  public static void sdiv(long[] s, int a, int b) {
    if (isZero(s, b)) return;
    boolean na = negative(s, a), nb = negative(s, b);
    if (na) negate(s, a);
    if (nb) negate(s, b);
    div(s, a, b);
    if (na != nb) negate(s, b);
  }

  /** SMOD: the result takes the sign of the dividend. */
  public static void smod(long[] s, int a, int b) {
    if (isZero(s, b)) return;
    boolean na = negative(s, a);
    if (na) negate(s, a);
    if (negative(s, b)) negate(s, b);
    mod(s, a, b);
    if (na) negate(s, b);
  }

  /** ADDMOD: {@code (s[a] + s[b]) mod s[c]} into {@code c}, without the 256-bit wrap. */
  public static void addmod(long[] s, int a, int b, int c) {
    if (isZero(s, c)) return;
    if (fits64(s, a) && fits64(s, b) && fits64(s, c) && s[a] >= 0 && s[b] >= 0) {
      set(s, c, Long.remainderUnsigned(s[a] + s[b], s[c]));
      return;
    }
    long[] sum = new long[5];
    long x = s[a], y = s[b], r = x + y;
    long cy = carry(x, y, r);
    sum[0] = r;
    for (int i = 1; i < 4; i++) {
      x = s[a + i];
      y = s[b + i];
      r = x + y + cy;
      cy = carry(x, y, r);
      sum[i] = r;
    }
    sum[4] = cy;
    LongDivision.divide(LongDivision.digits(sum, 0, 5), LongDivision.digits(s, c, 4), true, s, c);
  }

  /** MULMOD: {@code (s[a] * s[b]) mod s[c]} into {@code c}, on the full 512-bit product. */
  public static void mulmod(long[] s, int a, int b, int c) {
    if (isZero(s, c)) return;
    if (fits64(s, c) && fits64(s, a) && fits64(s, b) && (s[a] >>> 32) == 0 && (s[b] >>> 32) == 0) {
      set(s, c, Long.remainderUnsigned(s[a] * s[b], s[c]));
      return;
    }
    LongDivision.divide(LongDivision.digits(mulFull(s, a, b), 0, 8), LongDivision.digits(s, c, 4), true, s, c);
  }

  /** The full 512-bit product of words {@code a} and {@code b}, as eight limbs. */
  static long[] mulFull(long[] s, int a, int b) {
    long[] r = new long[8];
    for (int i = 0; i < 4; i++) {
      long x = s[a + i];
      if (x == 0) continue;
      long carry = 0;
      for (int j = 0; j < 4; j++) {
        long y = s[b + j];
        long lo = x * y;
        long hi = umulh(x, y);
        long t = lo + r[i + j];
        hi += Long.compareUnsigned(t, lo) < 0 ? 1 : 0;
        long t2 = t + carry;
        hi += Long.compareUnsigned(t2, t) < 0 ? 1 : 0;
        r[i + j] = t2;
        carry = hi;
      }
      r[i + 4] = carry;
    }
    return r;
  }

  /** The longs of scratch that {@link #exp} needs: the result, base^2 and up to 8 odd powers of the base. */
  public static final int EXP_SCRATCH = 4 + 4 + 8 * 4;

  /**
   * EXP, {@code s[a] ^ s[b]} into {@code b}, by left-to-right sliding-window exponentiation on limbs, in
   * {@code tmp} (at least {@link #EXP_SCRATCH} longs, owned by the caller so that EXP allocates nothing). An
   * even base to a power of 256 or more is 0 mod 2^256 (the product holds 2^256).
   *
   * <p>The window holds up to k exponent bits that start and end with a 1: one multiplication by a precomputed
   * odd power base^1, base^3, ..., base^(2^k - 1) per window, and one squaring per exponent bit. k grows with
   * the exponent's length, where the table (one squaring and 2^(k-1) - 1 products) pays for itself: for a
   * 256-bit exponent about 255 squarings and 58 products, against 255 and 128 on average bit by bit.
   */
  public static void exp(long[] s, int a, int b, long[] tmp) {
    int bits = bitLength(s[b], s[b + 1], s[b + 2], s[b + 3]);
    if (bits == 0) { // x^0 = 1, also for x = 0
      set(s, b, 1);
      return;
    }
    if ((s[a] & 1) == 0 && bits > 8) { // even base, exponent >= 256
      set(s, b, 0);
      return;
    }
    int k = bits <= 6 ? 1 : bits <= 24 ? 2 : bits <= 80 ? 3 : 4;
    // tmp[0..3] = result, tmp[4..7] = base^2, tmp[8 + 4j .. 8 + 4j + 3] = base^(2j + 1)
    copy(s, a, tmp, 8);
    int odd = 1 << (k - 1); // odd powers in the table
    if (odd > 1) {
      copy(s, a, tmp, 4);
      square(tmp, 4);
      for (int j = 1; j < odd; j++) mul(tmp, 8 + 4 * (j - 1), tmp, 4, tmp, 8 + 4 * j);
    }
    int i = bits - 1; // the top bit is set: the first window starts there
    boolean started = false;
    while (i >= 0) {
      if (((s[b + (i >>> 6)] >>> i) & 1) == 0) { // shifts use i mod 64
        square(tmp, 0);
        i--;
        continue;
      }
      int low = Math.max(i - k + 1, 0);
      int window = bitsAt(s, b, low, i - low + 1); // bit i is set, so not 0
      int zeros = Integer.numberOfTrailingZeros(window); // the window ends on a set bit: its value is odd
      low += zeros;
      window >>>= zeros;
      int entry = 8 + 4 * (window >>> 1);
      if (started) {
        for (int j = i; j >= low; j--) square(tmp, 0);
        mul(tmp, 0, tmp, entry, tmp, 0);
      } else {
        copy(tmp, entry, tmp, 0);
        started = true;
      }
      i = low - 1;
    }
    copy(tmp, 0, s, b);
  }

  /** Copies one word; for 4 longs cheaper than System.arraycopy's call. */
  private static void copy(long[] from, int f, long[] to, int t) {
    to[t] = from[f];
    to[t + 1] = from[f + 1];
    to[t + 2] = from[f + 2];
    to[t + 3] = from[f + 3];
  }

  /** The {@code len} (1 to 31) bits of word {@code b} from bit {@code low} up, as an int. */
  private static int bitsAt(long[] s, int b, int low, int len) {
    int limb = low >>> 6, shift = low & 63;
    long v = s[b + limb] >>> shift;
    if (shift > 64 - len && limb < 3) v |= s[b + limb + 1] << (64 - shift);
    return (int) v & ((1 << len) - 1);
  }

  /** {@code x = x^2 mod 2^256} in place: 6 products instead of 10, the cross terms doubled. */
  static void square(long[] xs, int xo) {
    long x0 = xs[xo], x1 = xs[xo + 1], x2 = xs[xo + 2], x3 = xs[xo + 3];
    // Cross terms x0x1, x0x2, x0x3 (low), x1x2 (low), at limbs 1, 2, 3, 3.
    long c01lo = x0 * x1, c01hi = umulh(x0, x1);
    long c02lo = x0 * x2, c02hi = umulh(x0, x2);
    long c03lo = x0 * x3;
    long c12lo = x1 * x2;
    // cross = c01 << 64 + c02 << 128 + (c03 + c12) << 192, as limbs k1..k3
    long k1 = c01lo;
    long k2 = c01hi + c02lo;
    long cy = carry(c01hi, c02lo, k2);
    long k3 = c02hi + c03lo + c12lo + cy;
    // doubled
    k3 = (k3 << 1) | (k2 >>> 63);
    k2 = (k2 << 1) | (k1 >>> 63);
    k1 = k1 << 1;
    // diagonal terms x0^2 (limbs 0-1), x1^2 (limbs 2-3)
    long d0 = x0 * x0, d1 = umulh(x0, x0);
    long d2 = x1 * x1, d3 = umulh(x1, x1);
    long r0 = d0;
    long r1 = d1 + k1;
    cy = carry(d1, k1, r1);
    long r2 = d2 + k2 + cy;
    cy = carry(d2, k2, r2);
    long r3 = d3 + k3 + cy;
    xs[xo] = r0;
    xs[xo + 1] = r1;
    xs[xo + 2] = r2;
    xs[xo + 3] = r3;
  }

  static int bitLength(long e0, long e1, long e2, long e3) {
    if (e3 != 0) return 256 - Long.numberOfLeadingZeros(e3);
    if (e2 != 0) return 192 - Long.numberOfLeadingZeros(e2);
    if (e1 != 0) return 128 - Long.numberOfLeadingZeros(e1);
    return 64 - Long.numberOfLeadingZeros(e0);
  }

  /** The number of significant bytes of word {@code a} (EXP's gas is 50 per exponent byte). */
  public static int byteLength(long[] s, int a) {
    return (bitLength(s[a], s[a + 1], s[a + 2], s[a + 3]) + 7) >>> 3;
  }

  /** SIGNEXTEND: extends the sign of byte {@code s[a]} (counted from the low end) of {@code s[b]}. */
  public static void signextend(long[] s, int a, int b) {
    if (!fits64(s, a) || Long.compareUnsigned(s[a], 31) >= 0) return;
    int bit = (int) s[a] * 8 + 7;
    int limb = bit >>> 6;
    int shift = bit & 63;
    boolean neg = ((s[b + limb] >>> shift) & 1) != 0;
    long mask = shift == 63 ? -1L : (1L << (shift + 1)) - 1; // bits at or below the sign bit
    if (neg) {
      s[b + limb] |= ~mask;
      for (int i = limb + 1; i < 4; i++) s[b + i] = -1L;
    } else {
      s[b + limb] &= mask;
      for (int i = limb + 1; i < 4; i++) s[b + i] = 0;
    }
  }

  /** BYTE: byte {@code s[a]} of {@code s[b]}, counted from the most significant end. */
  public static void byteOp(long[] s, int a, int b) {
    if (!fits64(s, a) || Long.compareUnsigned(s[a], 32) >= 0) {
      set(s, b, 0);
      return;
    }
    int i = (int) s[a];
    int pos = 31 - i; // significance
    long v = (s[b + (pos >>> 3)] >>> ((pos & 7) << 3)) & 0xff;
    set(s, b, v);
  }

  /** SHL: {@code s[b] << s[a]}. */
  public static void shl(long[] s, int a, int b) {
    if (!fits64(s, a) || Long.compareUnsigned(s[a], 256) >= 0) {
      set(s, b, 0);
      return;
    }
    int n = (int) s[a];
    int limbs = n >>> 6, bits = n & 63;
    long v0 = s[b], v1 = s[b + 1], v2 = s[b + 2], v3 = s[b + 3];
    long[] v = {v0, v1, v2, v3};
    for (int i = 3; i >= 0; i--) {
      int src = i - limbs;
      long hi = src >= 0 ? v[src] << bits : 0;
      long lo = (bits != 0 && src - 1 >= 0) ? v[src - 1] >>> (64 - bits) : 0;
      s[b + i] = hi | lo;
    }
  }

  /** SHR: {@code s[b] >>> s[a]}. */
  public static void shr(long[] s, int a, int b) {
    if (!fits64(s, a) || Long.compareUnsigned(s[a], 256) >= 0) {
      set(s, b, 0);
      return;
    }
    shiftRight(s, b, (int) s[a], 0);
  }

  /** SAR: arithmetic {@code s[b] >> s[a]}. */
  public static void sar(long[] s, int a, int b) {
    long fill = s[b + 3] < 0 ? -1L : 0L;
    if (!fits64(s, a) || Long.compareUnsigned(s[a], 256) >= 0) {
      s[b] = fill;
      s[b + 1] = fill;
      s[b + 2] = fill;
      s[b + 3] = fill;
      return;
    }
    shiftRight(s, b, (int) s[a], fill);
  }

  private static void shiftRight(long[] s, int b, int n, long fill) {
    int limbs = n >>> 6, bits = n & 63;
    long[] v = {s[b], s[b + 1], s[b + 2], s[b + 3]};
    for (int i = 0; i < 4; i++) {
      int src = i + limbs;
      long lo = src < 4 ? v[src] : fill;
      long hi = src + 1 < 4 ? v[src + 1] : fill;
      s[b + i] = bits == 0 ? lo : (lo >>> bits) | (hi << (64 - bits));
    }
  }

  /** Unsigned {@code s[a] < s[b]}. */
  static boolean lessThan(long[] s, int a, int b) {
    if (s[a + 3] != s[b + 3]) return Long.compareUnsigned(s[a + 3], s[b + 3]) < 0;
    if (s[a + 2] != s[b + 2]) return Long.compareUnsigned(s[a + 2], s[b + 2]) < 0;
    if (s[a + 1] != s[b + 1]) return Long.compareUnsigned(s[a + 1], s[b + 1]) < 0;
    return Long.compareUnsigned(s[a], s[b]) < 0;
  }

  static boolean signedLessThan(long[] s, int a, int b) {
    if (s[a + 3] != s[b + 3]) return s[a + 3] < s[b + 3];
    if (s[a + 2] != s[b + 2]) return Long.compareUnsigned(s[a + 2], s[b + 2]) < 0;
    if (s[a + 1] != s[b + 1]) return Long.compareUnsigned(s[a + 1], s[b + 1]) < 0;
    return Long.compareUnsigned(s[a], s[b]) < 0;
  }

  public static void lt(long[] s, int a, int b) {
    set(s, b, lessThan(s, a, b) ? 1 : 0);
  }

  public static void gt(long[] s, int a, int b) {
    set(s, b, lessThan(s, b, a) ? 1 : 0);
  }

  public static void slt(long[] s, int a, int b) {
    set(s, b, signedLessThan(s, a, b) ? 1 : 0);
  }

  public static void sgt(long[] s, int a, int b) {
    set(s, b, signedLessThan(s, b, a) ? 1 : 0);
  }

  public static void eq(long[] s, int a, int b) {
    boolean e = s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3];
    set(s, b, e ? 1 : 0);
  }

  /**
   * Word {@code a} as a non-negative long, or {@link Long#MAX_VALUE} if it is larger: offsets, sizes and
   * gas figures saturate so that no later sum can wrap; any cost derived from MAX_VALUE is unpayable.
   */
  public static long clampedLong(long[] s, int a) {
    if ((s[a + 1] | s[a + 2] | s[a + 3]) != 0 || s[a] < 0) return Long.MAX_VALUE;
    return s[a];
  }
}
