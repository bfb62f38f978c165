package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast pairing against the reference {@link Pairing} kept in the tests, on seeded random points. */
class OptimalAteDifferentialTest {
  static final Point<Fp> G1 = Bn254.G1_GENERATOR;
  static final Point<Fp2> G2 = Bn254.G2_GENERATOR;

  static BigInteger scalar(Random r) {
    return new BigInteger(256, r).mod(Bn254.R.subtract(BigInteger.ONE)).add(BigInteger.ONE);
  }

  @Test
  void equalsTheReferencePairingOnRandomPoints() {
    Random r = new Random(5);
    for (int i = 0; i < 4; i++) {
      Point<Fp> p = Bn254.G1.multiply(G1, scalar(r));
      Point<Fp2> q = Bn254.TWIST.multiply(G2, scalar(r));
      assertThat(OptimalAte.pairing(p, q)).as("case %d", i).isEqualTo(MontgomeryTowerTest.mont(Pairing.pairing(p, q)));
    }
  }

  /** 120 cases of e(aP, bQ) = e(P, Q)^(ab), the left side by the fast pairing, the right by the reference. */
  @Test
  void isBilinearAgainstTheReference() {
    Random r = new Random(6);
    Fp12 base = Pairing.pairing(G1, G2);
    for (int i = 0; i < 120; i++) {
      BigInteger a = scalar(r);
      BigInteger b = scalar(r);
      Point<Fp> ap = Bn254.G1.multiply(G1, a);
      Point<Fp2> bq = Bn254.TWIST.multiply(G2, b);
      MontFp12 expected = MontgomeryTowerTest.mont(base.pow(a.multiply(b).mod(Bn254.R)));
      assertThat(OptimalAte.pairing(ap, bq)).as("case %d: a=%s b=%s", i, a, b).isEqualTo(expected);
    }
  }

  @Test
  void productCheckAgreesWithTheReference() {
    Random r = new Random(7);
    for (int i = 0; i < 10; i++) {
      BigInteger a = scalar(r);
      BigInteger b = scalar(r);
      BigInteger ab = a.multiply(b).mod(Bn254.R);
      // Cancelling on even i, off by one on odd i; a pair at infinity now and then.
      BigInteger c = Bn254.R.subtract(ab).add(BigInteger.valueOf(i % 2)).mod(Bn254.R);
      List<Point<Fp>> ps = new ArrayList<>(List.of(Bn254.G1.multiply(G1, a), Bn254.G1.multiply(G1, c)));
      List<Point<Fp2>> qs = new ArrayList<>(List.of(Bn254.TWIST.multiply(G2, b), G2));
      if (i % 3 == 0) {
        ps.add(Point.infinity());
        qs.add(Bn254.TWIST.multiply(G2, scalar(r)));
      }
      List<OptimalAte.Pair> fast = new ArrayList<>();
      List<Pairing.Pair> reference = new ArrayList<>();
      for (int j = 0; j < ps.size(); j++) {
        fast.add(new OptimalAte.Pair(ps.get(j), qs.get(j)));
        reference.add(new Pairing.Pair(ps.get(j), qs.get(j)));
      }
      boolean expected = Pairing.productIsOne(reference);
      assertThat(expected).isEqualTo(i % 2 == 0);
      assertThat(OptimalAte.productIsOne(fast)).as("case %d", i).isEqualTo(expected);
    }
    assertThat(OptimalAte.productIsOne(List.of())).isTrue();
    assertThat(OptimalAte.productIsOne(List.of(new OptimalAte.Pair(G1, Point.infinity())))).isTrue();
    assertThat(OptimalAte.productIsOne(List.of(new OptimalAte.Pair(G1, G2)))).isFalse();
  }

  @Test
  void subgroupCheckAgreesWithTheAffineMultiple() {
    for (int seed = 1; seed <= 3; seed++) {
      Point<Fp2> t = Bn254Inputs.twistPoint(seed);
      assertThat(TwistJacobian.inG2(t)).isEqualTo(Bn254.TWIST.multiply(t, Bn254.R).isInfinity());
    }
    assertThat(TwistJacobian.inG2(G2)).isTrue();
    assertThat(TwistJacobian.inG2(Point.infinity())).isTrue();
  }
}
