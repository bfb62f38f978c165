package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Montgomery tower against BigInteger and the reference tower, on edge cases and seeded random values. */
class MontgomeryTowerTest {
  static final BigInteger P = Fp.P;
  static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  static List<BigInteger> fieldValues(long seed, int randomCount) {
    List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.shiftRight(1), TWO_64.subtract(BigInteger.ONE), TWO_64,
        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192), BigInteger.ONE.shiftLeft(253)));
    Random random = new Random(seed);
    for (int i = 0; i < randomCount; i++) values.add(new BigInteger(256, random).mod(P));
    // Values with all-ones or all-zero limbs below p's top limb stress the carries.
    values.add(P.subtract(TWO_64));
    values.add(BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE));
    return values;
  }

  @Test
  void unsignedHighWordMatchesBigInteger() {
    Random random = new Random(11);
    long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xffffffffL, 0x100000000L};
    List<Long> xs = new ArrayList<>();
    for (long e : edges) xs.add(e);
    for (int i = 0; i < 200; i++) xs.add(random.nextLong());
    for (long a : xs) {
      for (long b : xs) {
        BigInteger product = new BigInteger(Long.toUnsignedString(a)).multiply(new BigInteger(Long.toUnsignedString(b)));
        assertThat(MontFp.mulHi(a, b)).as("%x * %x", a, b).isEqualTo(product.shiftRight(64).longValue());
      }
    }
  }

  @Test
  void fieldOperationsMatchBigInteger() {
    List<BigInteger> values = fieldValues(1, 60);
    for (BigInteger a : values) {
      MontFp ma = MontFp.of(a);
      assertThat(ma.toBigInteger()).isEqualTo(a);
      assertThat(ma.neg().toBigInteger()).as("-%s", a).isEqualTo(a.negate().mod(P));
      assertThat(ma.square().toBigInteger()).as("%s^2", a).isEqualTo(a.multiply(a).mod(P));
      assertThat(ma.dbl().toBigInteger()).isEqualTo(a.shiftLeft(1).mod(P));
      if (a.signum() != 0) assertThat(ma.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
      for (BigInteger b : values) {
        MontFp mb = MontFp.of(b);
        assertThat(ma.add(mb).toBigInteger()).as("%s + %s", a, b).isEqualTo(a.add(b).mod(P));
        assertThat(ma.sub(mb).toBigInteger()).as("%s - %s", a, b).isEqualTo(a.subtract(b).mod(P));
        assertThat(ma.mul(mb).toBigInteger()).as("%s * %s", a, b).isEqualTo(a.multiply(b).mod(P));
        assertThat(ma.mul(mb).equals(MontFp.of(a.multiply(b)))).isTrue();
      }
    }
    assertThat(MontFp.of(P)).isEqualTo(MontFp.ZERO);
    assertThat(MontFp.of(-1).add(MontFp.ONE)).isEqualTo(MontFp.ZERO);
    assertThatThrownBy(MontFp.ZERO::inverse).isInstanceOf(ArithmeticException.class).hasMessageContaining("zero");
  }

  static Fp2 randomFp2(Random r) {
    return Fp2.of(new BigInteger(256, r), new BigInteger(256, r));
  }

  static Fp6 randomFp6(Random r) {
    return new Fp6(randomFp2(r), randomFp2(r), randomFp2(r));
  }

  static Fp12 randomFp12(Random r) {
    return new Fp12(randomFp6(r), randomFp6(r));
  }

  static MontFp6 mont(Fp6 x) {
    return new MontFp6(MontFp2.of(x.c0()), MontFp2.of(x.c1()), MontFp2.of(x.c2()));
  }

  static MontFp12 mont(Fp12 x) {
    return new MontFp12(mont(x.c0()), mont(x.c1()));
  }

  @Test
  void towerMatchesTheReferenceTower() {
    Random r = new Random(2);
    for (int i = 0; i < 100; i++) {
      Fp2 a = randomFp2(r);
      Fp2 b = randomFp2(r);
      MontFp2 ma = MontFp2.of(a);
      MontFp2 mb = MontFp2.of(b);
      assertThat(ma.mul(mb).toFp2()).isEqualTo(a.mul(b));
      assertThat(ma.square().toFp2()).isEqualTo(a.square());
      assertThat(ma.mulByXi().toFp2()).isEqualTo(a.mulByXi());
      assertThat(ma.inverse().toFp2()).isEqualTo(a.inverse());
      assertThat(ma.sub(mb).toFp2()).isEqualTo(a.sub(b));
      Fp6 x6 = randomFp6(r);
      Fp6 y6 = randomFp6(r);
      assertThat(mont(x6).mul(mont(y6))).isEqualTo(mont(x6.mul(y6)));
      assertThat(mont(x6).inverse()).isEqualTo(mont(x6.inverse()));
      assertThat(mont(x6).mulBy01(ma, mb)).isEqualTo(mont(x6.mul(new Fp6(a, b, Fp2.ZERO))));
      Fp12 x = randomFp12(r);
      Fp12 y = randomFp12(r);
      assertThat(mont(x).mul(mont(y))).isEqualTo(mont(x.mul(y)));
      assertThat(mont(x).square()).isEqualTo(mont(x.square()));
      assertThat(mont(x).inverse()).isEqualTo(mont(x.inverse()));
      assertThat(mont(x).conjugate()).isEqualTo(mont(x.conjugate()));
      Fp2 c = randomFp2(r);
      Fp12 line = new Fp12(new Fp6(a, Fp2.ZERO, Fp2.ZERO), new Fp6(b, c, Fp2.ZERO));
      assertThat(mont(x).mulByLine(ma, mb, MontFp2.of(c))).isEqualTo(mont(x.mul(line)));
      for (int k = 0; k <= 3; k++) assertThat(mont(x).frobenius(k)).as("k=%d", k).isEqualTo(mont(x.frobenius(k)));
    }
  }

  @Test
  void hardPartIsTheHardExponent() {
    Random r = new Random(3);
    for (int i = 0; i < 3; i++) {
      Fp12 f = randomFp12(r);
      Fp12 easy = f.conjugate().mul(f.inverse());
      easy = easy.frobenius(2).mul(easy);
      assertThat(OptimalAte.hardPart(mont(easy))).isEqualTo(mont(easy.pow(Pairing.HARD_EXPONENT)));
      assertThat(OptimalAte.finalExponentiation(mont(f))).isEqualTo(mont(Pairing.finalExponentiation(f)));
    }
  }

  @Test
  void jacobianTwistMatchesTheAffineGroupLaw() {
    Random r = new Random(4);
    Point<Fp2> q = Bn254.G2_GENERATOR;
    for (int i = 0; i < 10; i++) {
      BigInteger k = new BigInteger(256, r);
      Point<Fp2> expected = Bn254.TWIST.multiply(q, k);
      TwistJacobian got = TwistJacobian.multiply(MontFp2.of(q.x()), MontFp2.of(q.y()), k);
      MontFp2 zInv = got.z.inverse();
      MontFp2 zInv2 = zInv.square();
      assertThat(got.x.mul(zInv2).toFp2()).isEqualTo(expected.x());
      assertThat(got.y.mul(zInv2).mul(zInv).toFp2()).isEqualTo(expected.y());
    }
    assertThat(TwistJacobian.multiply(MontFp2.of(q.x()), MontFp2.of(q.y()), Bn254.R).isInfinity()).isTrue();
    assertThat(TwistJacobian.multiply(MontFp2.of(q.x()), MontFp2.of(q.y()), Bn254.R.subtract(BigInteger.ONE)).isInfinity()).isFalse();
  }
}
