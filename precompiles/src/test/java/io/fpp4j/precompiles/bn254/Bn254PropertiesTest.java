package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random scalars: the pairing-product check says one exactly when the exponents cancel mod r. */
class Bn254PropertiesTest {
  /** A uniform scalar in [1, r - 1]. */
  static BigInteger scalar(Random r) {
    BigInteger s;
    do {
      s = new BigInteger(Bn254.R.bitLength(), r);
    } while (s.signum() == 0 || s.compareTo(Bn254.R) >= 0);
    return s;
  }

  // Eight pairings' worth of cases: each pairing takes a second, so the count stays what it was.
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
  void aPbQTimesMinusAbPQIsOne(long seed) {
    Random random = new Random(seed);
    BigInteger a = scalar(random);
    BigInteger b = scalar(random);
    Point<Fp> p = Bn254.G1_GENERATOR;
    Point<Fp2> q = Bn254.G2_GENERATOR;
    BigInteger ab = a.multiply(b).mod(Bn254.R);
    List<OptimalAte.Pair> cancelling = List.of(
        new OptimalAte.Pair(Bn254.G1.multiply(p, a), Bn254.TWIST.multiply(q, b)),
        new OptimalAte.Pair(Bn254.G1.multiply(p, Bn254.R.subtract(ab)), q));
    assertThat(OptimalAte.productIsOne(cancelling)).isTrue();
    List<OptimalAte.Pair> offByOne = List.of(
        new OptimalAte.Pair(Bn254.G1.multiply(p, a), Bn254.TWIST.multiply(q, b)),
        new OptimalAte.Pair(Bn254.G1.multiply(p, Bn254.R.subtract(ab).add(BigInteger.ONE)), q));
    assertThat(OptimalAte.productIsOne(offByOne)).isFalse();
  }
}
