package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random scalars: the pairing-product check says one exactly when the exponents cancel mod r. */
class Bn254Properties {
  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, Bn254.R.subtract(BigInteger.ONE));
  }

  @Property(tries = 8)
  void aPbQTimesMinusAbPQIsOne(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
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
