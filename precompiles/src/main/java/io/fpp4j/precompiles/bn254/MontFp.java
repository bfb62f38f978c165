package io.fpp4j.precompiles.bn254;

import io.fpp4j.primitives.Uint64;
import java.math.BigInteger;

/**
 * An element of F_p in Montgomery form: the four 64-bit limbs (little-endian, l0 lowest) hold a·2²⁵⁶ mod p,
 * always fully reduced below p, so equal elements have equal limbs. This is the fast twin of {@link Fp}
 * that the pairing runs on; {@link Fp} stays for the codec and the G1 precompiles.
 *
 * <p>Hand-written (no BN254 field library on Maven Central): multiplication is the textbook CIOS Montgomery
 * product (Koç, Acar, Kaliski, "Analyzing and Comparing Montgomery Multiplication Algorithms", 1996).
 * Java 17 has no unsignedMultiplyHigh (JDK 18): {@link #mulHi} is {@link Uint64#multiplyHigh}.
 */
final class MontFp {
  static final long P0 = 0x3c208c16d87cfd47L;
  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;
  /** −p⁻¹ mod 2⁶⁴, the per-word factor of Montgomery reduction. */
  static final long INV = BigInteger.ONE.shiftLeft(64).subtract(Fp.P.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();

  static final MontFp ZERO = new MontFp(0, 0, 0, 0);
  static final MontFp ONE = of(BigInteger.ONE);

  static {
    if (!toBig(P0, P1, P2, P3).equals(Fp.P)) throw new IllegalStateException("MontFp limbs disagree with Fp.P");
    if (INV * P0 != -1L) throw new IllegalStateException("MontFp.INV is not -1/p mod 2^64");
  }

  final long l0, l1, l2, l3;

  private MontFp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** v mod p, for any integer v. */
  static MontFp of(BigInteger v) {
    BigInteger m = v.mod(Fp.P).shiftLeft(256).mod(Fp.P);
    return new MontFp(m.longValue(), m.shiftRight(64).longValue(), m.shiftRight(128).longValue(), m.shiftRight(192).longValue());
  }

  static MontFp of(long v) {
    return of(BigInteger.valueOf(v));
  }

  static MontFp of(Fp v) {
    return of(v.value());
  }

  /** The canonical integer 0 ≤ v < p this element stands for. */
  BigInteger toBigInteger() {
    MontFp plain = montMul(this, 1, 0, 0, 0);
    return toBig(plain.l0, plain.l1, plain.l2, plain.l3);
  }

  Fp toFp() {
    return new Fp(toBigInteger());
  }

  private static BigInteger toBig(long l0, long l1, long l2, long l3) {
    BigInteger v = BigInteger.ZERO;
    for (long limb : new long[] {l3, l2, l1, l0}) v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limb)));
    return v;
  }

  /** The high 64 bits of the unsigned 128-bit product a·b. */
  static long mulHi(long a, long b) {
    return Uint64.multiplyHigh(a, b);
  }

  /** Carry out of the unsigned sum s = a + b (+ an earlier carry already in s). */
  private static long carry(long s, long a) {
    return Long.compareUnsigned(s, a) < 0 ? 1 : 0;
  }

  MontFp add(MontFp o) {
    // p < 2²⁵⁴, so the sum of two reduced elements fits in 256 bits.
    long s0 = l0 + o.l0;
    long c = carry(s0, l0);
    long s1 = l1 + o.l1 + c;
    c = (Long.compareUnsigned(s1, l1) < 0 || (c == 1 && s1 == l1)) ? 1 : 0;
    long s2 = l2 + o.l2 + c;
    c = (Long.compareUnsigned(s2, l2) < 0 || (c == 1 && s2 == l2)) ? 1 : 0;
    long s3 = l3 + o.l3 + c;
    return reduceOnce(s0, s1, s2, s3);
  }

  MontFp dbl() {
    return add(this);
  }

  MontFp sub(MontFp o) {
    long d0 = l0 - o.l0;
    long b = Long.compareUnsigned(l0, o.l0) < 0 ? 1 : 0;
    long d1 = l1 - o.l1 - b;
    b = (Long.compareUnsigned(l1, o.l1) < 0 || (b == 1 && l1 == o.l1)) ? 1 : 0;
    long d2 = l2 - o.l2 - b;
    b = (Long.compareUnsigned(l2, o.l2) < 0 || (b == 1 && l2 == o.l2)) ? 1 : 0;
    long d3 = l3 - o.l3 - b;
    b = (Long.compareUnsigned(l3, o.l3) < 0 || (b == 1 && l3 == o.l3)) ? 1 : 0;
    if (b == 0) return new MontFp(d0, d1, d2, d3);
    // Went below zero: add p back (the carry out of this addition cancels the borrow).
    long s0 = d0 + P0;
    long c = carry(s0, d0);
    long s1 = d1 + P1 + c;
    c = (Long.compareUnsigned(s1, d1) < 0 || (c == 1 && s1 == d1)) ? 1 : 0;
    long s2 = d2 + P2 + c;
    c = (Long.compareUnsigned(s2, d2) < 0 || (c == 1 && s2 == d2)) ? 1 : 0;
    long s3 = d3 + P3 + c;
    return new MontFp(s0, s1, s2, s3);
  }

  MontFp neg() {
    return isZero() ? this : ZERO.sub(this);
  }

  /** Subtracts p once if the 256-bit value s is at least p; s must be below 2p. */
  private static MontFp reduceOnce(long s0, long s1, long s2, long s3) {
    long d0 = s0 - P0;
    long b = Long.compareUnsigned(s0, P0) < 0 ? 1 : 0;
    long d1 = s1 - P1 - b;
    b = (Long.compareUnsigned(s1, P1) < 0 || (b == 1 && s1 == P1)) ? 1 : 0;
    long d2 = s2 - P2 - b;
    b = (Long.compareUnsigned(s2, P2) < 0 || (b == 1 && s2 == P2)) ? 1 : 0;
    long d3 = s3 - P3 - b;
    b = (Long.compareUnsigned(s3, P3) < 0 || (b == 1 && s3 == P3)) ? 1 : 0;
    return b == 0 ? new MontFp(d0, d1, d2, d3) : new MontFp(s0, s1, s2, s3);
  }

  MontFp mul(MontFp o) {
    return montMul(this, o.l0, o.l1, o.l2, o.l3);
  }

  MontFp square() {
    return montMul(this, l0, l1, l2, l3);
  }

  /**
   * a·b·2⁻²⁵⁶ mod p by CIOS: one word of b at a time, each followed by one word of reduction. Unrolled into
   * locals (no arrays) so that nothing is allocated but the result; t0..t5 is the running sum, c the carry
   * word; each step computes (c, t_j) = t_j + x_j·y + c, whose high word cannot overflow.
   */
  private static MontFp montMul(MontFp a, long b0, long b1, long b2, long b3) {
    final long x0 = a.l0, x1 = a.l1, x2 = a.l2, x3 = a.l3;
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5, c, lo, hi, s, s2, m;
    // word 0 of b
    c = 0;
    lo = x0 * b0; hi = mulHi(x0, b0); s = lo + t0; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = x1 * b0; hi = mulHi(x1, b0); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = x2 * b0; hi = mulHi(x2, b0); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    lo = x3 * b0; hi = mulHi(x3, b0); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t3 = s2; c = hi;
    s = t4 + c; t5 = carry(s, c); t4 = s;
    m = t0 * INV;
    lo = m * P0; s = lo + t0; c = mulHi(m, P0) + carry(s, lo); // the low word is zero by the choice of m
    lo = m * P1; hi = mulHi(m, P1); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = m * P2; hi = mulHi(m, P2); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = m * P3; hi = mulHi(m, P3); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    s = t4 + c; t3 = s; t4 = t5 + carry(s, c);
    // word 1 of b
    c = 0;
    lo = x0 * b1; hi = mulHi(x0, b1); s = lo + t0; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = x1 * b1; hi = mulHi(x1, b1); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = x2 * b1; hi = mulHi(x2, b1); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    lo = x3 * b1; hi = mulHi(x3, b1); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t3 = s2; c = hi;
    s = t4 + c; t5 = carry(s, c); t4 = s;
    m = t0 * INV;
    lo = m * P0; s = lo + t0; c = mulHi(m, P0) + carry(s, lo); // the low word is zero by the choice of m
    lo = m * P1; hi = mulHi(m, P1); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = m * P2; hi = mulHi(m, P2); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = m * P3; hi = mulHi(m, P3); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    s = t4 + c; t3 = s; t4 = t5 + carry(s, c);
    // word 2 of b
    c = 0;
    lo = x0 * b2; hi = mulHi(x0, b2); s = lo + t0; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = x1 * b2; hi = mulHi(x1, b2); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = x2 * b2; hi = mulHi(x2, b2); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    lo = x3 * b2; hi = mulHi(x3, b2); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t3 = s2; c = hi;
    s = t4 + c; t5 = carry(s, c); t4 = s;
    m = t0 * INV;
    lo = m * P0; s = lo + t0; c = mulHi(m, P0) + carry(s, lo); // the low word is zero by the choice of m
    lo = m * P1; hi = mulHi(m, P1); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = m * P2; hi = mulHi(m, P2); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = m * P3; hi = mulHi(m, P3); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    s = t4 + c; t3 = s; t4 = t5 + carry(s, c);
    // word 3 of b
    c = 0;
    lo = x0 * b3; hi = mulHi(x0, b3); s = lo + t0; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = x1 * b3; hi = mulHi(x1, b3); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = x2 * b3; hi = mulHi(x2, b3); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    lo = x3 * b3; hi = mulHi(x3, b3); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t3 = s2; c = hi;
    s = t4 + c; t5 = carry(s, c); t4 = s;
    m = t0 * INV;
    lo = m * P0; s = lo + t0; c = mulHi(m, P0) + carry(s, lo); // the low word is zero by the choice of m
    lo = m * P1; hi = mulHi(m, P1); s = lo + t1; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t0 = s2; c = hi;
    lo = m * P2; hi = mulHi(m, P2); s = lo + t2; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t1 = s2; c = hi;
    lo = m * P3; hi = mulHi(m, P3); s = lo + t3; hi += carry(s, lo); s2 = s + c; hi += carry(s2, s); t2 = s2; c = hi;
    s = t4 + c; t3 = s; t4 = t5 + carry(s, c);
    // The result is below 2p < 2²⁵⁵, so t4 is zero here and one conditional subtraction suffices.
    return reduceOnce(t0, t1, t2, t3);
  }

  /** The inverse, through BigInteger: the pairing inverts only once per call, so this need not be fast. */
  MontFp inverse() {
    if (isZero()) throw new ArithmeticException("zero has no inverse in F_p");
    return of(toBigInteger().modInverse(Fp.P));
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MontFp m && m.l0 == l0 && m.l1 == l1 && m.l2 == l2 && m.l3 == l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0) * 31 + Long.hashCode(l3);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
