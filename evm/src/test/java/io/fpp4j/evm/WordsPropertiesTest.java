package io.fpp4j.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The limb arithmetic against BigInteger on seeded random words biased towards edges (0, 1, MAX, MIN, small,
 * powers of two and one below them, wide): a fixed seed per property, so a failure names its case and replays.
 */
class WordsPropertiesTest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MIN_SIGNED = BigInteger.ONE.shiftLeft(255);
  private static final List<BigInteger> EDGES = List.of(BigInteger.ZERO, BigInteger.ONE, MOD.subtract(BigInteger.ONE),
      MIN_SIGNED, MIN_SIGNED.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));

  /** One word: uniform 4 times in 14, else small, a power of two, one below it, small negative, or an edge. */
  private static BigInteger word(Random r) {
    int pick = r.nextInt(14);
    if (pick < 4) return new BigInteger(256, r);
    if (pick < 6) return BigInteger.valueOf(r.nextInt(301));
    if (pick < 8) return BigInteger.ONE.shiftLeft(r.nextInt(256));
    if (pick < 10) return BigInteger.ONE.shiftLeft(1 + r.nextInt(256)).subtract(BigInteger.ONE);
    if (pick < 12) return MOD.subtract(BigInteger.valueOf(r.nextInt(301))).mod(MOD);
    return EDGES.get(r.nextInt(EDGES.size()));
  }

  /** Runs {@code check} on {@code tries} cases from a seed of its own, naming the case that fails. */
  private static void forAll(long seed, int tries, Consumer<Random> check) {
    Random r = new Random(seed);
    for (int i = 0; i < tries; i++) {
      long caseSeed = r.nextLong();
      try {
        check.accept(new Random(caseSeed));
      } catch (AssertionError e) {
        throw new AssertionError("case " + i + " (seed " + caseSeed + "): " + e.getMessage(), e);
      }
    }
  }

  private interface Op2 {
    void apply(long[] s, int a, int b);
  }

  /** Runs a binary op with {@code x} on top and {@code y} below, returns the result. */
  private static BigInteger run(Op2 op, BigInteger x, BigInteger y) {
    long[] s = new long[12];
    UInt256.fromBigInteger(y).toLimbs(s, 4);
    UInt256.fromBigInteger(x).toLimbs(s, 8);
    op.apply(s, 8, 4);
    return UInt256.fromLimbs(s, 4).toBigInteger();
  }

  private static BigInteger signed(BigInteger v) {
    return v.testBit(255) ? v.subtract(MOD) : v;
  }

  private static BigInteger unsigned(BigInteger v) {
    return v.mod(MOD);
  }

  @Test
  void addSubMul() {
    forAll(37213L, 3000, r -> {
      BigInteger x = word(r);
      BigInteger y = word(r);
      assertThat(run(Words::add, x, y)).isEqualTo(x.add(y).mod(MOD));
      assertThat(run(Words::sub, x, y)).isEqualTo(x.subtract(y).mod(MOD));
      assertThat(run(Words::mul, x, y)).isEqualTo(x.multiply(y).mod(MOD));
    });
  }

  @Test
  void divisionAndModulo() {
    forAll(35621L, 3000, r -> {
      BigInteger x = word(r);
      BigInteger y = word(r);
      boolean zero = y.signum() == 0;
      assertThat(run(Words::div, x, y)).isEqualTo(zero ? BigInteger.ZERO : x.divide(y));
      assertThat(run(Words::mod, x, y)).isEqualTo(zero ? BigInteger.ZERO : x.mod(y));
      BigInteger sx = signed(x), sy = signed(y);
      // BigInteger.divide truncates toward zero and remainder takes the dividend's sign, as SDIV/SMOD do.
      assertThat(run(Words::sdiv, x, y)).isEqualTo(zero ? BigInteger.ZERO : unsigned(sx.divide(sy)));
      assertThat(run(Words::smod, x, y)).isEqualTo(zero ? BigInteger.ZERO : unsigned(sx.remainder(sy)));
    });
  }

  @Test
  void addmodMulmod() {
    forAll(73104L, 2000, r -> {
      BigInteger x = word(r);
      BigInteger y = word(r);
      BigInteger m = word(r);
      long[] s = new long[16];
      UInt256.fromBigInteger(m).toLimbs(s, 4);
      UInt256.fromBigInteger(y).toLimbs(s, 8);
      UInt256.fromBigInteger(x).toLimbs(s, 12);
      long[] t = s.clone();
      Words.addmod(s, 12, 8, 4);
      Words.mulmod(t, 12, 8, 4);
      boolean zero = m.signum() == 0;
      assertThat(UInt256.fromLimbs(s, 4).toBigInteger()).isEqualTo(zero ? BigInteger.ZERO : x.add(y).mod(m));
      assertThat(UInt256.fromLimbs(t, 4).toBigInteger()).isEqualTo(zero ? BigInteger.ZERO : x.multiply(y).mod(m));
    });
  }

  @Test
  void square() {
    forAll(35020L, 3000, r -> {
      BigInteger x = word(r);
      long[] s = new long[4];
      UInt256.fromBigInteger(x).toLimbs(s, 0);
      Words.square(s, 0);
      assertThat(UInt256.fromLimbs(s, 0).toBigInteger()).isEqualTo(x.multiply(x).mod(MOD));
    });
  }

  @Test
  void exp() {
    forAll(76481L, 3000, r -> {
      BigInteger base = word(r);
      BigInteger e = word(r);
      assertThat(run((s, a, b) -> Words.exp(s, a, b, new long[Words.EXP_SCRATCH]), base, e)).isEqualTo(base.modPow(e, MOD));
    });
  }

  /**
   * EXP over every exponent length that picks a different window (1 to 4 bits) and the lengths next to each
   * switch, with bases 0, 1, 2, odd and even, MAX, MIN and random; one scratch array reused throughout, as the
   * interpreter reuses its own, so a value left over from an earlier call would show.
   */
  @Test
  void expAtEveryWindowSize() {
    BigInteger max = MOD.subtract(BigInteger.ONE);
    Random r = new Random(90210L);
    List<BigInteger> bases = List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
        BigInteger.valueOf(6), max, MIN_SIGNED, max.subtract(BigInteger.ONE), new BigInteger(256, r),
        new BigInteger(256, r).setBit(0), new BigInteger(64, r).clearBit(0));
    int[] lengths = {1, 2, 6, 7, 8, 9, 24, 25, 32, 33, 63, 64, 65, 80, 81, 128, 200, 255, 256};
    long[] tmp = new long[Words.EXP_SCRATCH];
    for (BigInteger base : bases) {
      for (int bits : lengths) {
        BigInteger ones = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger top = BigInteger.ONE.shiftLeft(bits - 1);
        for (BigInteger e : List.of(ones, top, top.add(BigInteger.ONE), new BigInteger(bits, r).setBit(bits - 1),
            ones.xor(top.shiftRight(1)))) {
          assertThat(run((s, a, b) -> Words.exp(s, a, b, tmp), base, e)).as("%s ^ %s", base, e)
              .isEqualTo(base.modPow(e, MOD));
        }
      }
      assertThat(run((s, a, b) -> Words.exp(s, a, b, tmp), base, BigInteger.ZERO)).as("%s ^ 0", base)
          .isEqualTo(BigInteger.ONE);
    }
  }

  @Test
  void comparisons() {
    forAll(47291L, 2000, r -> {
      BigInteger x = word(r);
      BigInteger y = word(r);
      assertThat(run(Words::lt, x, y)).isEqualTo(x.compareTo(y) < 0 ? BigInteger.ONE : BigInteger.ZERO);
      assertThat(run(Words::gt, x, y)).isEqualTo(x.compareTo(y) > 0 ? BigInteger.ONE : BigInteger.ZERO);
      assertThat(run(Words::slt, x, y)).isEqualTo(signed(x).compareTo(signed(y)) < 0 ? BigInteger.ONE : BigInteger.ZERO);
      assertThat(run(Words::sgt, x, y)).isEqualTo(signed(x).compareTo(signed(y)) > 0 ? BigInteger.ONE : BigInteger.ZERO);
      assertThat(run(Words::eq, x, y)).isEqualTo(x.equals(y) ? BigInteger.ONE : BigInteger.ZERO);
    });
  }

  @Test
  void shifts() {
    forAll(15054L, 2000, r -> {
      BigInteger shift = word(r);
      BigInteger v = word(r);
      boolean big = shift.compareTo(BigInteger.valueOf(256)) >= 0;
      int n = big ? 256 : shift.intValue();
      assertThat(run(Words::shl, shift, v)).isEqualTo(big ? BigInteger.ZERO : v.shiftLeft(n).mod(MOD));
      assertThat(run(Words::shr, shift, v)).isEqualTo(big ? BigInteger.ZERO : v.shiftRight(n));
      assertThat(run(Words::sar, shift, v)).isEqualTo(unsigned(signed(v).shiftRight(Math.min(n, 256))));
    });
  }

  @Test
  void byteAndSignextend() {
    forAll(62802L, 2000, r -> {
      BigInteger i = word(r);
      BigInteger v = word(r);
      BigInteger expectedByte = i.compareTo(BigInteger.valueOf(32)) >= 0 ? BigInteger.ZERO
          : v.shiftRight(8 * (31 - i.intValue())).and(BigInteger.valueOf(0xff));
      assertThat(run(Words::byteOp, i, v)).isEqualTo(expectedByte);
      BigInteger expectedExt;
      if (i.compareTo(BigInteger.valueOf(31)) >= 0) {
        expectedExt = v;
      } else {
        int bits = 8 * (i.intValue() + 1);
        BigInteger low = v.mod(BigInteger.ONE.shiftLeft(bits));
        expectedExt = low.testBit(bits - 1) ? unsigned(low.subtract(BigInteger.ONE.shiftLeft(bits))) : low;
      }
      assertThat(run(Words::signextend, i, v)).isEqualTo(expectedExt);
    });
  }

  @Test
  void byteLength() {
    forAll(48802L, 1000, r -> {
      BigInteger v = word(r);
      long[] s = new long[4];
      UInt256.fromBigInteger(v).toLimbs(s, 0);
      assertThat(Words.byteLength(s, 0)).isEqualTo((v.bitLength() + 7) / 8);
    });
  }
}
