package io.fpp4j.precompiles.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.Vector;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Bn254AddMulTest {
  /** The group order of G1 (EIP-196's q). */
  private static final BigInteger N =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
  private static final String P_HEX = Fp.P.toString(16);
  private static final String G = word(1) + word(2);

  private final Bn254Add add = new Bn254Add();
  private final Bn254Mul mul = new Bn254Mul();

  static List<Vector> addVectors() {
    return Vector.load("bn254-add.tsv");
  }

  static List<Vector> mulVectors() {
    return Vector.load("bn254-mul.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("addVectors")
  void addGivesThePublishedSumsAtIstanbulGas(Vector v) throws PrecompileFailure {
    assertThat(add.gas(v.input())).isEqualTo(150).isEqualTo(v.gas());
    assertThat(add.run(v.input())).isEqualTo(v.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mulVectors")
  void mulGivesThePublishedProductsAtIstanbulGas(Vector v) throws PrecompileFailure {
    assertThat(mul.gas(v.input())).isEqualTo(6000).isEqualTo(v.gas());
    assertThat(mul.run(v.input())).isEqualTo(v.expected());
  }

  @Test
  void doublingByAddAgreesWithMultiplicationByTwo() throws PrecompileFailure {
    byte[] sum = add.run(Hex.decode(G + G));
    assertThat(sum).isEqualTo(mul.run(Hex.decode(G + word(2))));
    // 2G is a known point (the cdetrio11 vector's result).
    assertThat(Hex.encode(sum)).startsWith("030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3");
  }

  @Test
  void aPointPlusItsNegationIsInfinity() throws PrecompileFailure {
    String minusG = word(1) + Fp.P.subtract(BigInteger.TWO).toString(16);
    assertThat(add.run(Hex.decode(G + minusG))).isEqualTo(new byte[64]);
  }

  @Test
  void multiplyingByTheGroupOrderGivesInfinityAndByOneMoreGivesThePointBack() throws PrecompileFailure {
    assertThat(mul.run(Hex.decode(G + N.toString(16)))).isEqualTo(new byte[64]);
    assertThat(Hex.encode(mul.run(Hex.decode(G + N.add(BigInteger.ONE).toString(16))))).isEqualTo(G);
  }

  @Test
  void multiplyingInfinityOrByZeroGivesInfinity() throws PrecompileFailure {
    assertThat(mul.run(Hex.decode(word(0) + word(0) + word(5)))).isEqualTo(new byte[64]);
    assertThat(mul.run(Hex.decode(G))).isEqualTo(new byte[64]);
  }

  @Test
  void pointsOffTheCurveFail() {
    String offCurve = word(1) + word(3);
    assertThatThrownBy(() -> add.run(Hex.decode(G + offCurve)))
        .isInstanceOf(PrecompileFailure.class).hasMessageContaining("is not on the curve y^2 = x^3 + 3");
    assertThatThrownBy(() -> add.run(Hex.decode(offCurve)))
        .isInstanceOf(PrecompileFailure.class);
    assertThatThrownBy(() -> mul.run(Hex.decode(offCurve + word(0))))
        .as("a zero scalar does not excuse a malformed point")
        .isInstanceOf(PrecompileFailure.class);
  }

  @Test
  void coordinatesNotBelowPFailEvenWhenTheyReduceToAValidPoint() {
    // (1, 2 + p) is G modulo p, and (p, 0) is (0, 0) modulo p, but EIP-196 demands coordinates below p.
    String gPlusP = word(1) + Fp.P.add(BigInteger.TWO).toString(16);
    assertThatThrownBy(() -> add.run(Hex.decode(gPlusP + G)))
        .isInstanceOf(PrecompileFailure.class).hasMessageContaining("not below the field modulus");
    assertThatThrownBy(() -> mul.run(Hex.decode(P_HEX + word(0) + word(1))))
        .isInstanceOf(PrecompileFailure.class);
    String xIsP = P_HEX + word(2);
    assertThatThrownBy(() -> mul.run(Hex.decode(xIsP + word(1)))).isInstanceOf(PrecompileFailure.class);
  }

  @Test
  void shortInputIsPaddedAndExtraInputIgnored() throws PrecompileFailure {
    // G alone is G + infinity; G with a scalar cut to its first byte 0x02 is G * 2^249.
    assertThat(Hex.encode(add.run(Hex.decode(G)))).isEqualTo(G);
    byte[] cut = mul.run(Hex.decode(G + "02"));
    assertThat(cut).isEqualTo(mul.run(Hex.decode(G + "02" + "00".repeat(31))));
    // Anything after 128 (add) or 96 (mul) bytes, even garbage, is not read.
    assertThat(Hex.encode(add.run(Hex.decode(G + G + "ff".repeat(64)))))
        .isEqualTo(Hex.encode(add.run(Hex.decode(G + G))));
    assertThat(mul.run(Hex.decode(G + word(3) + "ff"))).isEqualTo(mul.run(Hex.decode(G + word(3))));
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }
}
