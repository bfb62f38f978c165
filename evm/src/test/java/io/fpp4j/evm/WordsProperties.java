package io.fpp4j.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The limb arithmetic against BigInteger on random words biased towards edges (0, 1, MAX, MIN, small, wide). */
class WordsProperties {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MIN_SIGNED = BigInteger.ONE.shiftLeft(255);

  @Provide
  Arbitrary<BigInteger> word() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300));
    Arbitrary<BigInteger> bits = Arbitraries.integers().between(0, 255).map(i -> BigInteger.ONE.shiftLeft(i));
    Arbitrary<BigInteger> bitsMinus = Arbitraries.integers().between(1, 256).map(i -> BigInteger.ONE.shiftLeft(i).subtract(BigInteger.ONE));
    Arbitrary<BigInteger> negSmall = small.map(v -> MOD.subtract(v).mod(MOD));
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, MOD.subtract(BigInteger.ONE), MIN_SIGNED,
        MIN_SIGNED.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(2, small), net.jqwik.api.Tuple.of(2, bits),
        net.jqwik.api.Tuple.of(2, bitsMinus), net.jqwik.api.Tuple.of(2, negSmall), net.jqwik.api.Tuple.of(2, edges));
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

  @Property(tries = 3000)
  void addSubMul(@ForAll("word") BigInteger x, @ForAll("word") BigInteger y) {
    assertThat(run(Words::add, x, y)).isEqualTo(x.add(y).mod(MOD));
    assertThat(run(Words::sub, x, y)).isEqualTo(x.subtract(y).mod(MOD));
    assertThat(run(Words::mul, x, y)).isEqualTo(x.multiply(y).mod(MOD));
  }

  @Property(tries = 3000)
  void divisionAndModulo(@ForAll("word") BigInteger x, @ForAll("word") BigInteger y) {
    boolean zero = y.signum() == 0;
    assertThat(run(Words::div, x, y)).isEqualTo(zero ? BigInteger.ZERO : x.divide(y));
    assertThat(run(Words::mod, x, y)).isEqualTo(zero ? BigInteger.ZERO : x.mod(y));
    BigInteger sx = signed(x), sy = signed(y);
    // BigInteger.divide truncates toward zero and remainder takes the dividend's sign, as SDIV/SMOD do.
    assertThat(run(Words::sdiv, x, y)).isEqualTo(zero ? BigInteger.ZERO : unsigned(sx.divide(sy)));
    assertThat(run(Words::smod, x, y)).isEqualTo(zero ? BigInteger.ZERO : unsigned(sx.remainder(sy)));
  }

  @Property(tries = 2000)
  void addmodMulmod(@ForAll("word") BigInteger x, @ForAll("word") BigInteger y, @ForAll("word") BigInteger m) {
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
  }

  @Property(tries = 3000)
  void square(@ForAll("word") BigInteger x) {
    long[] s = new long[4];
    UInt256.fromBigInteger(x).toLimbs(s, 0);
    Words.square(s, 0);
    assertThat(UInt256.fromLimbs(s, 0).toBigInteger()).isEqualTo(x.multiply(x).mod(MOD));
  }

  @Property(tries = 3000)
  void exp(@ForAll("word") BigInteger base, @ForAll("word") BigInteger e) {
    assertThat(run((s, a, b) -> Words.exp(s, a, b, new long[8]), base, e)).isEqualTo(base.modPow(e, MOD));
  }

  @Property(tries = 2000)
  void comparisons(@ForAll("word") BigInteger x, @ForAll("word") BigInteger y) {
    assertThat(run(Words::lt, x, y)).isEqualTo(x.compareTo(y) < 0 ? BigInteger.ONE : BigInteger.ZERO);
    assertThat(run(Words::gt, x, y)).isEqualTo(x.compareTo(y) > 0 ? BigInteger.ONE : BigInteger.ZERO);
    assertThat(run(Words::slt, x, y)).isEqualTo(signed(x).compareTo(signed(y)) < 0 ? BigInteger.ONE : BigInteger.ZERO);
    assertThat(run(Words::sgt, x, y)).isEqualTo(signed(x).compareTo(signed(y)) > 0 ? BigInteger.ONE : BigInteger.ZERO);
    assertThat(run(Words::eq, x, y)).isEqualTo(x.equals(y) ? BigInteger.ONE : BigInteger.ZERO);
  }

  @Property(tries = 2000)
  void shifts(@ForAll("word") BigInteger shift, @ForAll("word") BigInteger v) {
    boolean big = shift.compareTo(BigInteger.valueOf(256)) >= 0;
    int n = big ? 256 : shift.intValue();
    assertThat(run(Words::shl, shift, v)).isEqualTo(big ? BigInteger.ZERO : v.shiftLeft(n).mod(MOD));
    assertThat(run(Words::shr, shift, v)).isEqualTo(big ? BigInteger.ZERO : v.shiftRight(n));
    assertThat(run(Words::sar, shift, v)).isEqualTo(unsigned(signed(v).shiftRight(Math.min(n, 256))));
  }

  @Property(tries = 2000)
  void byteAndSignextend(@ForAll("word") BigInteger i, @ForAll("word") BigInteger v) {
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
  }

  @Property(tries = 1000)
  void byteLength(@ForAll("word") BigInteger v) {
    long[] s = new long[4];
    UInt256.fromBigInteger(v).toLimbs(s, 0);
    assertThat(Words.byteLength(s, 0)).isEqualTo((v.bitLength() + 7) / 8);
  }
}
