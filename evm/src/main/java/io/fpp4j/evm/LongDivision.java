package io.fpp4j.evm;

/**
 * Unsigned multi-precision division (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) on 32-bit digits held in
 * {@code int[]}, least significant first: DIV, MOD and the 512-bit MULMOD and 257-bit ADDMOD reductions,
 * without BigInteger. Hand-written because no Maven Central library offers it on plain limbs.
 */
final class LongDivision {
  private static final long MASK = 0xffff_ffffL;
  private static final long BASE = 1L << 32;

  private LongDivision() {}

  /**
   * Word {@code a} divided by word {@code b}, which must be below 2^32 (and non-zero), into {@code b}: the
   * common case (dividing by small constants) without allocating.
   */
  static void divideBySmall(long[] s, int a, int b, boolean remainder) {
    long d = s[b];
    long rem = 0;
    long q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    for (int i = 3; i >= 0; i--) {
      long x = s[a + i];
      long cur = (rem << 32) | (x >>> 32);
      long qh = Long.divideUnsigned(cur, d);
      rem = cur - qh * d;
      cur = (rem << 32) | (x & MASK);
      long ql = Long.divideUnsigned(cur, d);
      rem = cur - ql * d;
      long q = (qh << 32) | ql;
      if (i == 3) q3 = q;
      else if (i == 2) q2 = q;
      else if (i == 1) q1 = q;
      else q0 = q;
    }
    if (remainder) {
      s[b] = rem;
    } else {
      s[b] = q0;
      s[b + 1] = q1;
      s[b + 2] = q2;
      s[b + 3] = q3;
    }
  }

  /** Splits {@code count} 64-bit limbs into 32-bit digits. */
  static int[] digits(long[] limbs, int off, int count) {
    int[] d = new int[count * 2];
    for (int i = 0; i < count; i++) {
      d[2 * i] = (int) limbs[off + i];
      d[2 * i + 1] = (int) (limbs[off + i] >>> 32);
    }
    return d;
  }

  private static int length(int[] d) {
    int n = d.length;
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
  }

  /**
   * Divides {@code u} by {@code v} (non-zero) and writes the quotient or the remainder, which must fit 256
   * bits, as four limbs at {@code out[off]}.
   */
  static void divide(int[] u, int[] v, boolean remainder, long[] out, int off) {
    int m = length(u);
    int n = length(v);
    int[] q = new int[Math.max(1, m - n + 1)];
    int[] r = new int[Math.max(1, n)];
    if (m < n) {
      System.arraycopy(u, 0, r, 0, m);
    } else if (n == 1) {
      long d = v[0] & MASK;
      long rem = 0;
      for (int i = m - 1; i >= 0; i--) {
        long cur = (rem << 32) | (u[i] & MASK);
        q[i] = (int) Long.divideUnsigned(cur, d);
        rem = Long.remainderUnsigned(cur, d);
      }
      r[0] = (int) rem;
    } else {
      knuth(u, m, v, n, q, r);
    }
    int[] res = remainder ? r : q;
    for (int i = 0; i < 4; i++) {
      long lo = 2 * i < res.length ? res[2 * i] & MASK : 0;
      long hi = 2 * i + 1 < res.length ? res[2 * i + 1] & MASK : 0;
      out[off + i] = lo | (hi << 32);
    }
  }

  /** Algorithm D for {@code m >= n >= 2}, {@code v[n-1] != 0}. */
  private static void knuth(int[] u, int m, int[] v, int n, int[] q, int[] r) {
    int s = Integer.numberOfLeadingZeros(v[n - 1]);
    int[] vn = new int[n];
    for (int i = n - 1; i > 0; i--) vn[i] = (v[i] << s) | (s == 0 ? 0 : v[i - 1] >>> (32 - s));
    vn[0] = v[0] << s;
    int[] un = new int[m + 1];
    un[m] = s == 0 ? 0 : u[m - 1] >>> (32 - s);
    for (int i = m - 1; i > 0; i--) un[i] = (u[i] << s) | (s == 0 ? 0 : u[i - 1] >>> (32 - s));
    un[0] = u[0] << s;
    long vTop = vn[n - 1] & MASK;
    long vNext = vn[n - 2] & MASK;
    for (int j = m - n; j >= 0; j--) {
      long num = ((un[j + n] & MASK) << 32) | (un[j + n - 1] & MASK);
      long qhat = Long.divideUnsigned(num, vTop);
      long rhat = Long.remainderUnsigned(num, vTop);
      while (qhat >= BASE || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & MASK)) > 0) {
        qhat--;
        rhat += vTop;
        if (rhat >= BASE) break;
      }
      // un[j..j+n] -= qhat * vn
      long borrow = 0;
      long carry = 0;
      for (int i = 0; i < n; i++) {
        long p = qhat * (vn[i] & MASK) + carry;
        carry = p >>> 32;
        long t = (un[i + j] & MASK) - (p & MASK) - borrow;
        un[i + j] = (int) t;
        borrow = t >>> 63;
      }
      long t = (un[j + n] & MASK) - carry - borrow;
      un[j + n] = (int) t;
      if (t < 0) { // qhat was one too large: add vn back
        qhat--;
        long c = 0;
        for (int i = 0; i < n; i++) {
          long sum = (un[i + j] & MASK) + (vn[i] & MASK) + c;
          un[i + j] = (int) sum;
          c = sum >>> 32;
        }
        un[j + n] += (int) c;
      }
      q[j] = (int) qhat;
    }
    for (int i = 0; i < n - 1; i++) r[i] = (un[i] >>> s) | (s == 0 ? 0 : un[i + 1] << (32 - s));
    r[n - 1] = un[n - 1] >>> s;
  }
}
