package io.fpp4j.precompiles.bls;

import static io.fpp4j.precompiles.bls.BlsTestPoints.G1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.G1_PLUS_P1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.G2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.G2_PLUS_P2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.INF_G1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.INF_G2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.NEG_G1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.NEG_G2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.P;
import static io.fpp4j.precompiles.bls.BlsTestPoints.P1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.P2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.R;
import static io.fpp4j.precompiles.bls.BlsTestPoints.TWO_G1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.TWO_G2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.bytes;
import static io.fpp4j.precompiles.bls.BlsTestPoints.fp;
import static io.fpp4j.precompiles.bls.BlsTestPoints.g1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.g1OffSubgroup;
import static io.fpp4j.precompiles.bls.BlsTestPoints.g2OffSubgroup;
import static io.fpp4j.precompiles.bls.BlsTestPoints.offCurve;
import static io.fpp4j.precompiles.bls.BlsTestPoints.scalar;
import static io.fpp4j.precompiles.bls.BlsTestPoints.withByte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EIP-2537 precompiles on concrete bytes: results from the EIP's published vectors (see {@link BlsTestPoints};
 * the map vectors are quoted below), algebraic identities between those vectors, and every failure rule.
 * {@code Bls12381GethTest} (host module, next to its geth harness) compares the same operations with geth on many more inputs.
 */
class Bls12381Test {
  final Precompile g1Add = new BlsG1Add();
  final Precompile g2Add = new BlsG2Add();
  final Precompile g1Msm = new BlsG1Msm();
  final Precompile g2Msm = new BlsG2Msm();
  final Precompile pairing = new BlsPairingCheck();
  final Precompile mapG1 = new BlsMapFpToG1();
  final Precompile mapG2 = new BlsMapFp2ToG2();

  static final String TRUE = "00".repeat(31) + "01";
  static final String FALSE = "00".repeat(32);
  /** The two points of order 3 on E1, (0, 2) and (0, −2): on the curve, outside G1, and refused by blst's decoder. */
  static final String ORDER3 = g1(BigInteger.ZERO, BigInteger.TWO);
  static final String ORDER3_NEG = g1(BigInteger.ZERO, P.subtract(BigInteger.TWO));

  static String run(Precompile p, String... hexParts) throws PrecompileFailure {
    return Hex.encode(p.run(bytes(hexParts)));
  }

  @Test
  void g1AddOfTheEipVectors() throws Exception {
    assertThat(run(g1Add, G1, G1)).isEqualTo(TWO_G1);
    assertThat(run(g1Add, G1, P1)).isEqualTo(G1_PLUS_P1);
    assertThat(run(g1Add, P1, G1)).isEqualTo(G1_PLUS_P1);
    assertThat(run(g1Add, G1, NEG_G1)).isEqualTo(INF_G1);
    assertThat(run(g1Add, G1, INF_G1)).isEqualTo(G1);
    assertThat(run(g1Add, INF_G1, P1)).isEqualTo(P1);
    assertThat(run(g1Add, INF_G1, INF_G1)).isEqualTo(INF_G1);
  }

  @Test
  void g1AddTakesPointsOutsideTheSubgroup() throws Exception {
    String q = g1OffSubgroup(1);
    String negQ = q.substring(0, 128) + fp(P.subtract(new BigInteger(q.substring(128), 16)));
    assertThat(run(g1Add, q, INF_G1)).isEqualTo(q);
    assertThat(run(g1Add, q, negQ)).isEqualTo(INF_G1);
    // blst cannot decode the order-3 points; the Java fallback adds them: 2·(0, 2) = (0, −2) = −(0, 2).
    assertThat(run(g1Add, ORDER3, ORDER3)).isEqualTo(ORDER3_NEG);
    assertThat(run(g1Add, ORDER3, ORDER3_NEG)).isEqualTo(INF_G1);
    assertThat(run(g1Add, INF_G1, ORDER3)).isEqualTo(ORDER3);
    // T + G1 computed in Java, then minus G1 through blst, is T again.
    String sum = run(g1Add, ORDER3, G1);
    assertThat(run(g1Add, sum, NEG_G1)).isEqualTo(ORDER3);
  }

  @Test
  void g2AddOfTheEipVectors() throws Exception {
    assertThat(run(g2Add, G2, G2)).isEqualTo(TWO_G2);
    assertThat(run(g2Add, G2, P2)).isEqualTo(G2_PLUS_P2);
    assertThat(run(g2Add, G2, NEG_G2)).isEqualTo(INF_G2);
    assertThat(run(g2Add, INF_G2, P2)).isEqualTo(P2);
    assertThat(run(g2Add, INF_G2, INF_G2)).isEqualTo(INF_G2);
    String q = g2OffSubgroup(1);
    assertThat(run(g2Add, q, INF_G2)).isEqualTo(q);
  }

  @Test
  void g1MsmScalarsZeroOneROverflowAndSums() throws Exception {
    assertThat(run(g1Msm, G1, scalar(0))).isEqualTo(INF_G1);
    assertThat(run(g1Msm, G1, scalar(1))).isEqualTo(G1);
    assertThat(run(g1Msm, G1, scalar(2))).isEqualTo(TWO_G1);
    assertThat(run(g1Msm, G1, scalar(R))).isEqualTo(INF_G1);
    assertThat(run(g1Msm, G1, scalar(R.add(BigInteger.TWO)))).isEqualTo(TWO_G1); // scalars are not reduced on input
    assertThat(run(g1Msm, G1, scalar(R.subtract(BigInteger.ONE)))).isEqualTo(NEG_G1);
    assertThat(run(g1Msm, INF_G1, scalar(7))).isEqualTo(INF_G1);
    assertThat(run(g1Msm, G1, scalar(1), P1, scalar(1))).isEqualTo(G1_PLUS_P1);
    // 3·G1 − 1·G1 + 5·∞ + 0·P1 = 2·G1
    assertThat(run(g1Msm, G1, scalar(3), NEG_G1, scalar(1), INF_G1, scalar(5), P1, scalar(0))).isEqualTo(TWO_G1);
    // (2^256 − 1)·G1 + 1·G1 = 2^256·G1 = (2^256 mod r)·G1
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertThat(run(g1Msm, G1, scalar(max), G1, scalar(1)))
        .isEqualTo(run(g1Msm, G1, scalar(BigInteger.ONE.shiftLeft(256).mod(R))));
  }

  @Test
  void g2MsmScalarsZeroOneROverflowAndSums() throws Exception {
    assertThat(run(g2Msm, G2, scalar(0))).isEqualTo(INF_G2);
    assertThat(run(g2Msm, G2, scalar(1))).isEqualTo(G2);
    assertThat(run(g2Msm, G2, scalar(2))).isEqualTo(TWO_G2);
    assertThat(run(g2Msm, G2, scalar(R))).isEqualTo(INF_G2);
    assertThat(run(g2Msm, G2, scalar(R.add(BigInteger.TWO)))).isEqualTo(TWO_G2);
    assertThat(run(g2Msm, G2, scalar(R.subtract(BigInteger.ONE)))).isEqualTo(NEG_G2);
    assertThat(run(g2Msm, G2, scalar(1), P2, scalar(1))).isEqualTo(G2_PLUS_P2);
    assertThat(run(g2Msm, G2, scalar(3), NEG_G2, scalar(1), INF_G2, scalar(5), P2, scalar(0))).isEqualTo(TWO_G2);
  }

  @Test
  void pairingCheck() throws Exception {
    assertThat(run(pairing, G1, G2, NEG_G1, G2)).isEqualTo(TRUE);
    assertThat(run(pairing, G1, G2, G1, NEG_G2)).isEqualTo(TRUE);
    // e(2·G1, G2)·e(−G1, 2·G2) = e(G1, G2)²·e(G1, G2)⁻² = 1
    assertThat(run(pairing, TWO_G1, G2, NEG_G1, TWO_G2)).isEqualTo(TRUE);
    assertThat(run(pairing, TWO_G1, G2, NEG_G1, G2)).isEqualTo(FALSE);
    assertThat(run(pairing, G1, G2)).isEqualTo(FALSE);
    assertThat(run(pairing, G1, G2, G1, G2)).isEqualTo(FALSE);
    // Infinity on either side contributes 1.
    assertThat(run(pairing, INF_G1, G2)).isEqualTo(TRUE);
    assertThat(run(pairing, G1, INF_G2)).isEqualTo(TRUE);
    assertThat(run(pairing, G1, G2, INF_G1, P2, NEG_G1, G2)).isEqualTo(TRUE);
    assertThat(run(pairing, G1, G2, INF_G1, G2)).isEqualTo(FALSE);
  }

  /** github.com/ethereum/EIPs assets/eip-2537/map_fp_to_G1_bls.json, "bls_g1map_" and "bls_g1map_616263". */
  @Test
  void mapFpToG1OfTheEipVectors() throws Exception {
    assertThat(run(mapG1, "00000000000000000000000000000000156c8a6a2c184569d69a76be144b5cdc5141d2d2ca4fe341f011e25e3969c55ad9e9b9ce2eb833c81a908e5fa4ac5f03"))
        .isEqualTo("00000000000000000000000000000000184bb665c37ff561a89ec2122dd343f20e0f4cbcaec84e3c3052ea81d1834e192c426074b02ed3dca4e7676ce4ce48ba"
            + "0000000000000000000000000000000004407b8d35af4dacc809927071fc0405218f1401a6d15af775810e4e460064bcc9468beeba82fdc751be70476c888bf3");
    assertThat(run(mapG1, "00000000000000000000000000000000147e1ed29f06e4c5079b9d14fc89d2820d32419b990c1c7bb7dbea2a36a045124b31ffbde7c99329c05c559af1c6cc82"))
        .isEqualTo("00000000000000000000000000000000009769f3ab59bfd551d53a5f846b9984c59b97d6842b20a2c565baa167945e3d026a3755b6345df8ec7e6acb6868ae6d"
            + "000000000000000000000000000000001532c00cf61aa3d0ce3e5aa20c3b531a2abd2c770a790a2613818303c6b830ffc0ecf6c357af3317b9575c567f11cd2c");
  }

  /** github.com/ethereum/EIPs assets/eip-2537/map_fp2_to_G2_bls.json, "bls_g2map_" and "bls_g2map_616263". */
  @Test
  void mapFp2ToG2OfTheEipVectors() throws Exception {
    assertThat(run(mapG2, "0000000000000000000000000000000007355d25caf6e7f2f0cb2812ca0e513bd026ed09dda65b177500fa31714e09ea0ded3a078b526bed3307f804d4b93b04"
        + "0000000000000000000000000000000002829ce3c021339ccb5caf3e187f6370e1e2a311dec9b75363117063ab2015603ff52c3d3b98f19c2f65575e99e8b78c"))
        .isEqualTo("0000000000000000000000000000000000e7f4568a82b4b7dc1f14c6aaa055edf51502319c723c4dc2688c7fe5944c213f510328082396515734b6612c4e7bb7"
            + "00000000000000000000000000000000126b855e9e69b1f691f816e48ac6977664d24d99f8724868a184186469ddfd4617367e94527d4b74fc86413483afb35b"
            + "000000000000000000000000000000000caead0fd7b6176c01436833c79d305c78be307da5f6af6c133c47311def6ff1e0babf57a0fb5539fce7ee12407b0a42"
            + "000000000000000000000000000000001498aadcf7ae2b345243e281ae076df6de84455d766ab6fcdaad71fab60abb2e8b980a440043cd305db09d283c895e3d");
    assertThat(run(mapG2, "00000000000000000000000000000000138879a9559e24cecee8697b8b4ad32cced053138ab913b99872772dc753a2967ed50aabc907937aefb2439ba06cc50c"
        + "000000000000000000000000000000000a1ae7999ea9bab1dcc9ef8887a6cb6e8f1e22566015428d220b7eec90ffa70ad1f624018a9ad11e78d588bd3617f9f2"))
        .isEqualTo("00000000000000000000000000000000108ed59fd9fae381abfd1d6bce2fd2fa220990f0f837fa30e0f27914ed6e1454db0d1ee957b219f61da6ff8be0d6441f"
            + "000000000000000000000000000000000296238ea82c6d4adb3c838ee3cb2346049c90b96d602d7bb1b469b905c9228be25c627bffee872def773d5b2a2eb57d"
            + "00000000000000000000000000000000033f90f6057aadacae7963b0a0b379dd46750c1c94a6357c99b65f63b79e321ff50fe3053330911c56b6ceea08fee656"
            + "00000000000000000000000000000000153606c417e59fb331b7ae6bce4fbf7c5190c33ce9402b5ebe2b70e44fca614f3f1382a3625ed5493843d0b0a652fc3f");
  }

  /** Whatever the input, including SWU's exceptional u = 0, the map lands in the subgroup. */
  @Test
  void mapsLandInTheSubgroups() throws Exception {
    Random random = new Random(2537);
    for (int i = 0; i < 12; i++) {
      BigInteger u = i == 0 ? BigInteger.ZERO : new BigInteger(381, random).mod(P);
      BigInteger v = i == 1 ? BigInteger.ZERO : new BigInteger(381, random).mod(P);
      byte[] g1 = mapG1.run(Hex.decode(fp(u)));
      assertThat(BlsCodec.g1InGroup(g1, 0, "mapped").is_inf()).isFalse();
      byte[] g2 = mapG2.run(Hex.decode(fp(u) + fp(v)));
      assertThat(BlsCodec.g2InGroup(g2, 0, "mapped").is_inf()).isFalse();
    }
  }

  @Test
  void wrongLengthsFail() {
    assertFails(g1Add, new byte[255], "G1 add input is 255 bytes, expected 256");
    assertFails(g1Add, new byte[0], "G1 add input is 0 bytes, expected 256");
    assertFails(g2Add, new byte[513], "G2 add input is 513 bytes, expected 512");
    assertFails(g1Msm, new byte[0], "G1 MSM input is 0 bytes, expected a positive multiple of 160");
    assertFails(g1Msm, new byte[161], "G1 MSM input is 161 bytes, expected a positive multiple of 160");
    assertFails(g2Msm, new byte[0], "G2 MSM input is 0 bytes, expected a positive multiple of 288");
    assertFails(g2Msm, new byte[287], "G2 MSM input is 287 bytes, expected a positive multiple of 288");
    assertFails(pairing, new byte[0], "pairing input is 0 bytes, expected a positive multiple of 384");
    assertFails(pairing, new byte[768 + 1], "pairing input is 769 bytes, expected a positive multiple of 384");
    assertFails(mapG1, new byte[65], "map Fp to G1 input is 65 bytes, expected 64");
    assertFails(mapG2, new byte[64], "map Fp2 to G2 input is 64 bytes, expected 128");
  }

  @Test
  void pointsOffTheCurveFail() {
    assertFails(g1Add, bytes(G1, offCurve(G1)), "G1 point 2 is not on the curve");
    assertFails(g1Add, bytes(g1(BigInteger.ZERO, BigInteger.ONE), G1), "G1 point 1 is not on the curve");
    assertFails(g2Add, bytes(offCurve(G2), G2), "G2 point 1 is not on the curve");
    assertFails(g1Msm, bytes(G1, scalar(1), offCurve(P1), scalar(1)), "G1 point 2 is not on the curve");
    assertFails(g2Msm, bytes(offCurve(P2), scalar(1)), "G2 point 1 is not on the curve");
    assertFails(pairing, bytes(G1, G2, G1, offCurve(G2)), "G2 point 2 is not on the curve");
    assertFails(pairing, bytes(offCurve(G1), G2), "G1 point 1 is not on the curve");
  }

  @Test
  void pointsOutsideTheSubgroupFailWhereTheEipAsksForTheCheck() {
    String q1 = g1OffSubgroup(1);
    String q2 = g2OffSubgroup(1);
    assertFails(g1Msm, bytes(G1, scalar(1), q1, scalar(1)), "G1 point 2 is not in the subgroup of order r");
    assertFails(g1Msm, bytes(ORDER3, scalar(3)), "G1 point 1 is not in the subgroup of order r");
    assertFails(g1Msm, bytes(q1, scalar(0)), "G1 point 1 is not in the subgroup of order r");
    assertFails(g2Msm, bytes(q2, scalar(1)), "G2 point 1 is not in the subgroup of order r");
    assertFails(pairing, bytes(q1, G2), "G1 point 1 is not in the subgroup of order r");
    assertFails(pairing, bytes(G1, G2, INF_G1, q2), "G2 point 2 is not in the subgroup of order r");
    assertFails(pairing, bytes(ORDER3, G2), "G1 point 1 is not in the subgroup of order r");
  }

  @Test
  void badFieldElementsFail() {
    byte[] g1g1 = bytes(G1, G1);
    assertFails(g1Add, withByte(g1g1, 0, 1), "G1 point 1 x is not a field element: its top 16 bytes (input bytes 0-15) are not zero");
    assertFails(g1Add, withByte(g1g1, 128 + 64 + 15, 1),
        "G1 point 2 y is not a field element: its top 16 bytes (input bytes 192-207) are not zero");
    assertFails(g1Add, bytes(g1(P, BigInteger.TWO), G1), "G1 point 1 x is not a field element: 0x" + P.toString(16) + " is not less than p");
    String allOnes = "00".repeat(16) + "ff".repeat(48);
    assertFails(g2Add, bytes(G2, G2.substring(0, 384) + allOnes),
        "G2 point 2 y.c1 is not a field element: 0x" + "ff".repeat(48) + " is not less than p");
    assertFails(g2Add, withByte(bytes(G2, G2), 64 + 3, 9), "G2 point 1 x.c1 is not a field element: its top 16 bytes (input bytes 64-79) are not zero");
    assertFails(g1Msm, bytes(fp(BigInteger.ZERO) + fp(P.add(BigInteger.TWO)), scalar(1)),
        "G1 point 1 y is not a field element: 0x" + P.add(BigInteger.TWO).toString(16) + " is not less than p");
    assertFails(pairing, withByte(bytes(G1, G2), 128 + 200, 1), "G2 point 1 y.c1 is not a field element: its top 16 bytes (input bytes 320-335) are not zero");
    assertFails(mapG1, Hex.decode(fp(P)), "the Fp element is not a field element: 0x" + P.toString(16) + " is not less than p");
    assertFails(mapG1, withByte(new byte[64], 15, 1), "the Fp element is not a field element: its top 16 bytes (input bytes 0-15) are not zero");
    assertFails(mapG2, Hex.decode(fp(BigInteger.ONE) + fp(P.add(BigInteger.ONE))),
        "the Fp2 element.c1 is not a field element: 0x" + P.add(BigInteger.ONE).toString(16) + " is not less than p");
    assertFails(mapG2, withByte(new byte[128], 0, 1), "the Fp2 element.c0 is not a field element: its top 16 bytes (input bytes 0-15) are not zero");
  }

  static void assertFails(Precompile p, byte[] input, String message) {
    assertThatThrownBy(() -> p.run(input)).as("%s of %s", p.name(), Hex.encode(input))
        .isInstanceOf(PrecompileFailure.class).hasMessage(message);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases60")
  void fp2SquareRootsSquareBack(long seed) {
    BlsFp2 a = fp2(seed);
    BlsField<BlsFp2> f = BlsFp2.FIELD;
    BlsFp2 square = f.square(a);
    assertThat(f.isSquare(square)).isTrue();
    BlsFp2 root = f.sqrt(square);
    assertThat(root).isIn(a, f.neg(a));
    assertThat(f.mul(a, f.inv0(a))).isEqualTo(f.isZero(a) ? BlsFp2.ZERO : BlsFp2.ONE);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases60")
  void fp2NonSquaresHaveNoRoot(long seed) {
    BlsFp2 a = fp2(seed);
    // (1 + u) is not a square in Fp2 (its norm 2 is not a square mod p, as p = 3 mod 8): times a square it never is.
    BlsField<BlsFp2> f = BlsFp2.FIELD;
    BlsFp2 nonSquare = f.mul(f.square(a), BlsFp2.of(1, 1));
    assertThat(f.isSquare(nonSquare)).isEqualTo(f.isZero(a));
    if (!f.isZero(a)) assertThatThrownBy(() -> f.sqrt(nonSquare)).isInstanceOf(IllegalArgumentException.class);
  }

  static LongStream cases60() {
    return LongStream.range(0, 60);
  }

  /** Each coordinate is 0, 1, p - 1 or (half the time) uniform below p, from the case's own seed. */
  static BlsFp2 fp2(long seed) {
    Random r = new Random(seed);
    return new BlsFp2(fpElement(r), fpElement(r));
  }

  static BigInteger fpElement(Random r) {
    BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE)};
    if (r.nextBoolean()) return edges[r.nextInt(edges.length)];
    BigInteger e;
    do {
      e = new BigInteger(P.bitLength(), r);
    } while (e.compareTo(P) >= 0);
    return e;
  }
}
