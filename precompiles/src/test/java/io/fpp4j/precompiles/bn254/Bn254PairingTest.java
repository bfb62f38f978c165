package io.fpp4j.precompiles.bn254;

import static io.fpp4j.precompiles.bn254.Bn254Inputs.JEFF1;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.JEFF6;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.P1;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.P2;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.encode;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.encode2;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.g1;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.g2;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.pair;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Precompile 0x08 on concrete bytes: EIP-197 results and every failure rule. */
class Bn254PairingTest {
  static final String ONE = "00".repeat(31) + "01";
  static final String ZERO = "00".repeat(32);
  final Bn254Pairing pairing = new Bn254Pairing();

  String run(String hex) throws PrecompileFailure {
    return Hex.encode(pairing.run(Hex.decode(hex)));
  }

  @Test
  void gethsTwoPairVectors() throws Exception {
    assertThat(JEFF6).hasSameSizeAs(JEFF1).isNotEqualTo(JEFF1);
    assertThat(run(JEFF1)).isEqualTo(ONE);
    assertThat(run(JEFF6)).isEqualTo(ZERO);
  }

  @Test
  void emptyInputIsTheEmptyProductOne() throws Exception {
    assertThat(run("")).isEqualTo(ONE);
  }

  @Test
  void bilinearity() throws Exception {
    long a = 31337;
    long b = 271828;
    // e(aP, bQ)·e(−abP, Q) = 1 and e(aP, bQ)·e(−abP, bQ) ≠ 1.
    assertThat(run(pair(g1(a), g2(b)) + pair(Bn254.G1.negate(g1(a * b)), P2))).isEqualTo(ONE);
    assertThat(run(pair(g1(a), g2(b)) + pair(Bn254.G1.negate(g1(a * b)), g2(b)))).isEqualTo(ZERO);
    // e(aP, bQ) = e(bP, aQ) = e(abP, Q): each against the negation of the next.
    assertThat(run(pair(g1(a), g2(b)) + pair(g1(b), Bn254.TWIST.negate(g2(a))))).isEqualTo(ONE);
    // Three pairs: e(aP, Q)·e(bP, Q)·e(−(a + b)P, Q) = 1.
    assertThat(run(pair(g1(a), P2) + pair(g1(b), P2) + pair(Bn254.G1.negate(g1(a + b)), P2))).isEqualTo(ONE);
  }

  @Test
  void negatedG2CancelsAndASinglePairIsNotOne() throws Exception {
    assertThat(run(pair(P1, P2) + pair(P1, Bn254.TWIST.negate(P2)))).isEqualTo(ONE);
    assertThat(run(pair(P1, P2))).isEqualTo(ZERO);
    assertThat(run(pair(g1(5), g2(7)))).isEqualTo(ZERO);
  }

  @Test
  void pairsWithThePointAtInfinityContributeOne() throws Exception {
    Point<Fp> o1 = Point.infinity();
    Point<Fp2> o2 = Point.infinity();
    assertThat(run(pair(o1, P2))).isEqualTo(ONE);
    assertThat(run(pair(P1, o2))).isEqualTo(ONE);
    assertThat(run(pair(o1, o2))).isEqualTo(ONE);
    assertThat(run(pair(o1, P2) + pair(P1, P2))).isEqualTo(ZERO);
    assertThat(run(pair(P1, o2) + pair(P1, P2) + pair(P1, Bn254.TWIST.negate(P2)))).isEqualTo(ONE);
  }

  @Test
  void g2PointsOutsideTheGeneratorsMultiplesStillPair() throws Exception {
    // A G2 point found by clearing the cofactor of some twist point.
    Point<Fp2> q = Bn254.TWIST.multiply(Bn254Inputs.twistPoint(1), Bn254Inputs.TWIST_COFACTOR);
    assertThat(Bn254.inG2(q)).isTrue();
    assertThat(run(pair(g1(11), q) + pair(Bn254.G1.negate(g1(11)), q))).isEqualTo(ONE);
    assertThat(run(pair(g1(11), q))).isEqualTo(ZERO);
  }

  @Test
  void lengthNotAMultipleOf192Fails() {
    for (int length : new int[] {1, 64, 128, 191, 193, 383, 385}) {
      assertThatThrownBy(() -> pairing.run(new byte[length])).as("length %d", length)
          .isInstanceOf(PrecompileFailure.class)
          .hasMessage("pairing input is " + length + " bytes, not a multiple of 192 (G1 point 64 ‖ G2 point 128 per pair)");
    }
  }

  @Test
  void coordinatesOfPOrMoreFail() {
    String p = word(Fp.P);
    String good = pair(P1, P2);
    // The G1 point (p + 1, 2) would be the generator if reduced mod p; EIP-197 rejects the encoding.
    assertFails(word(Fp.P.add(BigInteger.ONE)) + good.substring(64), "pair 1 of 1: G1 x 0x" + Fp.P.add(BigInteger.ONE).toString(16)
        + " is not below the field modulus p");
    assertFails(good + good.substring(0, 64) + p + good.substring(128), "pair 2 of 2: G1 y 0x" + Fp.P.toString(16) + " is not below");
    String[] parts = {"G2 x imaginary part", "G2 x real part", "G2 y imaginary part", "G2 y real part"};
    for (int k = 0; k < 4; k++) {
      int at = 128 + 64 * k;
      String input = good.substring(0, at) + "ff".repeat(32) + good.substring(at + 64);
      assertFails(input, "pair 1 of 1: " + parts[k] + " 0x" + "ff".repeat(32) + " is not below the field modulus p");
    }
  }

  @Test
  void g1OffTheCurveFails() {
    Point<Fp> off = Point.of(Fp.of(1), Fp.of(3));
    assertFails(pair(P1, P2) + pair(off, P2), "pair 2 of 2: G1 point (1, 3) is not on the curve y^2 = x^3 + 3");
    // An off-curve point fails even when its partner is the point at infinity.
    assertFails(pair(off, Point.infinity()), "pair 1 of 1: G1 point (1, 3) is not on the curve");
    // (0, y) with y ≠ 0 is not the encoding of infinity.
    assertFails(word(BigInteger.ZERO) + word(BigInteger.ONE) + encode2(P2), "pair 1 of 1: G1 point (0, 1) is not on the curve");
  }

  @Test
  void g2OffTheTwistFails() {
    Point<Fp2> off = Point.of(P2.x(), P2.y().add(Fp2.ONE));
    assertFails(pair(P1, off), "pair 1 of 1: G2 point " + off + " is not on the twist y^2 = x^3 + 3/(9+i)");
    // Swapping the real and imaginary parts (the wrong order) puts the generator off the twist.
    Point<Fp2> swapped = Point.of(new Fp2(P2.x().im(), P2.x().re()), new Fp2(P2.y().im(), P2.y().re()));
    assertFails(encode(P1) + encode2(swapped), "pair 1 of 1: G2 point " + swapped + " is not on the twist");
  }

  @Test
  void g2OnTheTwistButOutsideTheSubgroupFails() {
    Point<Fp2> t = Bn254Inputs.twistPoint(1);
    assertThat(Bn254.TWIST.isOnCurve(t)).isTrue();
    assertThat(Bn254.inG2(t)).isFalse();
    assertThat(Bn254.TWIST.multiply(t, Bn254Inputs.TWIST_COFACTOR.multiply(Bn254.R)).isInfinity()).isTrue();
    String expected = "pair 3 of 3: G2 point " + t + " is on the twist but not in the order-r subgroup";
    assertFails(pair(P1, P2) + pair(P1, Bn254.TWIST.negate(P2)) + pair(P1, t), expected);
    assertFails(pair(P1, P2) + pair(P1, Bn254.TWIST.negate(P2)) + pair(Point.infinity(), t), expected);
  }

  private void assertFails(String hex, String messageStart) {
    assertThatThrownBy(() -> run(hex)).isInstanceOf(PrecompileFailure.class).hasMessageStartingWith(messageStart);
  }

  @Test
  void costsIstanbulsPrice45000Plus34000PerPair() {
    assertThat(pairing.gas(new byte[0])).isEqualTo(45_000);
    assertThat(pairing.gas(Hex.decode(JEFF1))).as("two pairs, the gas Kona puts in its hint").isEqualTo(113_000);
    assertThat(pairing.gas(new byte[192 * 10])).isEqualTo(385_000);
    assertThat(pairing.gas(new byte[191])).as("a partial pair is not charged").isEqualTo(45_000);
  }
}
