package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The field tower, the curves and the pairing's defining properties, checked from first principles. */
class Bn254ArithmeticTest {
  static final BigInteger P = Fp.P;
  static final Fp2 I = Fp2.of(0, 1);
  static final Fp2 A = Fp2.of(new BigInteger("1234567890123456789012345678901234567890"), BigInteger.valueOf(77));
  static final Fp2 B = Fp2.of(BigInteger.valueOf(5), P.subtract(BigInteger.valueOf(3)));
  static final Fp6 X6 = new Fp6(A, B, A.mul(B));
  static final Fp6 Y6 = new Fp6(B.square(), Fp2.XI, A.add(Fp2.ONE));
  static final Fp12 X12 = new Fp12(X6, Y6);
  static final Fp12 Y12 = new Fp12(Y6.mulByV(), X6.square());

  @Test
  void fpIsCanonicalAndInverts() {
    assertThatThrownBy(() -> new Fp(P)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a canonical");
    assertThatThrownBy(() -> new Fp(BigInteger.ONE.negate())).isInstanceOf(IllegalArgumentException.class);
    assertThat(Fp.of(-1).add(Fp.ONE)).isEqualTo(Fp.ZERO);
    assertThat(Fp.of(7).inverse().mul(Fp.of(7))).isEqualTo(Fp.ONE);
    assertThat(Fp.of(3).sub(Fp.of(5))).isEqualTo(Fp.of(-2));
    assertThatThrownBy(Fp.ZERO::inverse).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void fp2IsFpAdjoinASquareRootOfMinusOne() {
    assertThat(I.square()).isEqualTo(Fp2.ONE.neg());
    assertThat(A.mul(A.inverse())).isEqualTo(Fp2.ONE);
    assertThat(A.square()).isEqualTo(A.mul(A));
    assertThat(A.mulByXi()).isEqualTo(A.mul(Fp2.of(9, 1)));
    // The conjugate is the p-th power (p ≡ 3 mod 4).
    assertThat(P.mod(BigInteger.valueOf(4))).isEqualTo(BigInteger.valueOf(3));
    assertThat(A.pow(P)).isEqualTo(A.conjugate());
    assertThat(A.mul(B).inverse()).isEqualTo(A.inverse().mul(B.inverse()));
    assertThatThrownBy(Fp2.ZERO::inverse).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void fp6IsFp2AdjoinACubeRootOfXi() {
    Fp6 v = new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
    assertThat(v.mul(v).mul(v)).isEqualTo(new Fp6(Fp2.XI, Fp2.ZERO, Fp2.ZERO));
    assertThat(X6.mulByV()).isEqualTo(X6.mul(v));
    assertThat(X6.mul(X6.inverse())).isEqualTo(Fp6.ONE);
    assertThat(X6.mul(Y6)).isEqualTo(Y6.mul(X6));
    assertThat(X6.mul(Y6.add(Fp6.ONE))).isEqualTo(X6.mul(Y6).add(X6));
  }

  @Test
  void fp12IsFp6AdjoinASquareRootOfV() {
    Fp12 w = new Fp12(Fp6.ZERO, Fp6.ONE);
    assertThat(w.square()).isEqualTo(new Fp12(new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO), Fp6.ZERO));
    assertThat(w.pow(BigInteger.valueOf(6))).isEqualTo(new Fp12(new Fp6(Fp2.XI, Fp2.ZERO, Fp2.ZERO), Fp6.ZERO));
    assertThat(X12.square()).isEqualTo(X12.mul(X12));
    assertThat(X12.mul(X12.inverse())).isEqualTo(Fp12.ONE);
    assertThat(X12.mul(Y12)).isEqualTo(Y12.mul(X12));
  }

  @Test
  void frobeniusIsThePthPower() {
    for (int k = 1; k <= 3; k++) {
      assertThat(X12.frobenius(k)).as("k=%d", k).isEqualTo(X12.pow(P.pow(k)));
    }
    assertThat(X12.frobenius(6)).isEqualTo(X12.conjugate());
    Fp12 x = X12;
    for (int k = 0; k < 12; k++) {
      assertThat(X12.frobenius(k)).as("k=%d", k).isEqualTo(x);
      x = x.frobenius(1);
    }
    assertThat(x).isEqualTo(X12);
    assertThat(X12.mul(Y12).frobenius(5)).isEqualTo(X12.frobenius(5).mul(Y12.frobenius(5)));
    assertThatThrownBy(() -> X12.frobenius(12)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void curvesAndGenerators() {
    assertThat(Bn254.TWIST.b().mul(Fp2.XI)).isEqualTo(Fp2.of(3, 0));
    assertThat(Bn254.G1.isOnCurve(Bn254.G1_GENERATOR)).isTrue();
    assertThat(Bn254.TWIST.isOnCurve(Bn254.G2_GENERATOR)).isTrue();
    assertThat(Bn254.G1.multiply(Bn254.G1_GENERATOR, Bn254.R).isInfinity()).isTrue();
    assertThat(Bn254.inG2(Bn254.G2_GENERATOR)).isTrue();
    assertThat(Bn254.G1.isOnCurve(Point.of(Fp.of(1), Fp.of(3)))).isFalse();
    // The group law: [a]P + [b]P = [a + b]P, P + (−P) = O, 2P = P + P.
    Point<Fp2> q = Bn254.G2_GENERATOR;
    Point<Fp2> q5 = Bn254.TWIST.multiply(q, BigInteger.valueOf(5));
    Point<Fp2> q7 = Bn254.TWIST.multiply(q, BigInteger.valueOf(7));
    assertThat(Bn254.TWIST.add(q5, q7)).isEqualTo(Bn254.TWIST.multiply(q, BigInteger.valueOf(12)));
    assertThat(Bn254.TWIST.add(q5, Bn254.TWIST.negate(q5)).isInfinity()).isTrue();
    assertThat(Bn254.TWIST.add(q7, q7)).isEqualTo(Bn254.TWIST.doubled(q7));
    assertThat(Bn254.TWIST.multiply(q, Bn254.R.subtract(BigInteger.ONE))).isEqualTo(Bn254.TWIST.negate(q));
    assertThat(Bn254.TWIST.isOnCurve(q7)).isTrue();
  }

  @Test
  void theAteLoopAndTheTwoFrobeniusLinesMakeAMultipleOfR() {
    // 6u + 2 + p − p² + p³ ≡ 0 (mod r): why the loop over 6u + 2 ends with the lines through π(Q) and −π²(Q).
    BigInteger lambda = Pairing.ATE_LOOP.add(P).subtract(P.pow(2)).add(P.pow(3));
    assertThat(lambda.mod(Bn254.R)).isZero();
    assertThat(Pairing.HARD_EXPONENT.multiply(Bn254.R)).isEqualTo(P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE));
  }

  @Test
  void pairingIsNonDegenerateBilinearAndOfOrderR() {
    Point<Fp> p = Bn254.G1_GENERATOR;
    Point<Fp2> q = Bn254.G2_GENERATOR;
    Fp12 e = Pairing.pairing(p, q);
    assertThat(e.isOne()).isFalse();
    assertThat(e.pow(Bn254.R).isOne()).isTrue();
    BigInteger a = new BigInteger("9876543210987654321987654321");
    BigInteger b = new BigInteger("1357913579135791357913579");
    Fp12 eab = Pairing.pairing(Bn254.G1.multiply(p, a), Bn254.TWIST.multiply(q, b));
    assertThat(eab).isEqualTo(e.pow(a.multiply(b)));
    assertThat(Pairing.pairing(Bn254.G1.multiply(p, a.multiply(b)), q)).isEqualTo(eab);
    assertThat(Pairing.pairing(p, Bn254.TWIST.multiply(q, a.multiply(b).mod(Bn254.R)))).isEqualTo(eab);
    assertThat(Pairing.pairing(Point.infinity(), q).isOne()).isTrue();
    assertThat(Pairing.pairing(p, Point.infinity()).isOne()).isTrue();
  }
}
