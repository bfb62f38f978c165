package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ecMul's Jacobian multiplication against the affine textbook law of {@link Curve}, point for point. */
class G1JacobianTest {
  private static final BigInteger R = Bn254.R;

  @Test
  void agreesWithTheAffineLawOnEdgeAndRandomScalars() {
    Random random = new Random(196);
    List<Point<Fp>> points = new ArrayList<>(List.of(Bn254.G1_GENERATOR, Bn254.G1.negate(Bn254.G1_GENERATOR)));
    for (int i = 0; i < 2; i++) points.add(Bn254.G1.multiply(Bn254.G1_GENERATOR, new BigInteger(254, random)));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        BigInteger.valueOf(3), R.subtract(BigInteger.ONE), R, R.add(BigInteger.ONE), R.shiftLeft(1), max));
    for (int i = 0; i < 8; i++) scalars.add(new BigInteger(256, random));
    int finite = 0;
    for (Point<Fp> p : points) {
      for (BigInteger k : scalars) {
        Point<Fp> expected = Bn254.G1.multiply(p, k);
        assertThat(G1Jacobian.multiply(p, k)).as("[%s]%s", k, p).isEqualTo(expected);
        if (!expected.isInfinity()) finite++;
      }
    }
    // Only the multiples of r (0, r, 2r) give infinity.
    assertThat(finite).isEqualTo(points.size() * (scalars.size() - 3));
  }

  @Test
  void multiplesOfTheOrderAndOfInfinityAreInfinity() {
    assertThat(G1Jacobian.multiply(Bn254.G1_GENERATOR, R).isInfinity()).isTrue();
    assertThat(G1Jacobian.multiply(Point.infinity(), BigInteger.TEN).isInfinity()).isTrue();
    assertThat(G1Jacobian.multiply(Bn254.G1_GENERATOR, R.subtract(BigInteger.ONE)))
        .isEqualTo(Bn254.G1.negate(Bn254.G1_GENERATOR));
  }

  @Test
  void refusesANegativeScalar() {
    assertThatThrownBy(() -> G1Jacobian.multiply(Bn254.G1_GENERATOR, BigInteger.valueOf(-2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
  }
}
