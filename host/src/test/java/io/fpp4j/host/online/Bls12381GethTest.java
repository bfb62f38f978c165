package io.fpp4j.host.online;

import static io.fpp4j.precompiles.bls.BlsTestPoints.G1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.G2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.INF_G1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.INF_G2;
import static io.fpp4j.precompiles.bls.BlsTestPoints.P;
import static io.fpp4j.precompiles.bls.BlsTestPoints.R;
import static io.fpp4j.precompiles.bls.BlsTestPoints.bytes;
import static io.fpp4j.precompiles.bls.BlsTestPoints.fp;
import static io.fpp4j.precompiles.bls.BlsTestPoints.g1;
import static io.fpp4j.precompiles.bls.BlsTestPoints.g1OffSubgroup;
import static io.fpp4j.precompiles.bls.BlsTestPoints.g2OffSubgroup;
import static io.fpp4j.precompiles.bls.BlsTestPoints.offCurve;
import static io.fpp4j.precompiles.bls.BlsTestPoints.scalar;
import static io.fpp4j.precompiles.bls.BlsTestPoints.withByte;
import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.bls.BlsG1Add;
import io.fpp4j.precompiles.bls.BlsG1Msm;
import io.fpp4j.precompiles.bls.BlsG2Add;
import io.fpp4j.precompiles.bls.BlsG2Msm;
import io.fpp4j.precompiles.bls.BlsMapFp2ToG2;
import io.fpp4j.precompiles.bls.BlsMapFpToG1;
import io.fpp4j.precompiles.bls.BlsPairingCheck;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EIP-2537 precompiles against geth's own (geth v1.17.8 {@code --dev}, Prague active): every input goes
 * through ours and through {@code eth_call} to the precompile address, and the two must agree on success or
 * failure and, on success, on every output byte. The inputs mix valid random points (multiples of the
 * generators and outputs of the maps), infinity, points outside the subgroup and off the curve, coordinates
 * ≥ p or with nonzero padding, and wrong lengths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Bls12381GethTest {
  static final String FAILURE = "failure";
  /** Enough for every input below (the largest is a pairing of 5 pairs, about 0.2 Mgas). */
  static final String GAS = "0x1000000";

  final Random random = new Random(0xb15);
  final BlsG1Msm g1Msm = new BlsG1Msm();
  final BlsG2Msm g2Msm = new BlsG2Msm();
  GethDev geth;

  @BeforeAll
  @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void startGeth(@TempDir Path dir) throws Exception {
    geth = GethDev.start(GethDev.binary(), dir);
  }

  @AfterAll
  void stopGeth() {
    if (geth != null) geth.close();
  }

  /** Runs every input through both and compares; returns how many succeeded, for the caller's mix check. */
  int agree(int address, Precompile ours, List<byte[]> inputs) throws Exception {
    String to = String.format("0x%040x", address);
    int successes = 0;
    for (byte[] in : inputs) {
      String mine;
      try {
        mine = Hex.prefixed(ours.run(in));
      } catch (PrecompileFailure f) {
        mine = FAILURE;
      }
      String geths;
      try {
        geths = geth.rpc.call("eth_call", Map.of("to", to, "data", Hex.prefixed(in), "gas", GAS), "latest").asText();
      } catch (RpcException e) {
        // A failed precompile call is an RPC error; make sure it is not about gas, which would compare nothing.
        assertThat(e.getMessage()).as("geth's error for %s(%s)", ours.name(), Hex.prefixed(in)).doesNotContainIgnoringCase("gas");
        geths = FAILURE;
      }
      assertThat(mine).as("%s(%s)", ours.name(), Hex.prefixed(in)).isEqualTo(geths);
      if (!mine.equals(FAILURE)) successes++;
    }
    return successes;
  }

  BigInteger randomScalar() {
    return new BigInteger(256, random);
  }

  BigInteger randomFp() {
    return new BigInteger(384, random).mod(P);
  }

  String randomG1() throws PrecompileFailure {
    return Hex.encode(g1Msm.run(bytes(G1, scalar(randomScalar()))));
  }

  String randomG2() throws PrecompileFailure {
    return Hex.encode(g2Msm.run(bytes(G2, scalar(randomScalar()))));
  }

  static String negG1(String point) {
    BigInteger y = new BigInteger(point.substring(128), 16);
    return point.substring(0, 128) + fp(y.signum() == 0 ? y : P.subtract(y));
  }

  /**
   * {@code point} (G1 or G2) with its first coordinate (x, or x.c0) replaced by itself + p: the same point mod p,
   * but not a field element.
   */
  static String xPlusP(String point) {
    return fp(new BigInteger(point.substring(0, 128), 16).add(P)) + point.substring(128);
  }

  @Test
  void g1AddAgrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < 10; i++) in.add(bytes(randomG1(), randomG1()));
    String a = randomG1();
    String q = g1OffSubgroup(1);
    String q2 = g1OffSubgroup(100);
    String order3 = g1(BigInteger.ZERO, BigInteger.TWO);
    for (String[] pair : new String[][] {{a, a}, {a, negG1(a)}, {a, INF_G1}, {INF_G1, a}, {INF_G1, INF_G1}, {q, G1}, {q, q}, {q, q2},
        {q, negG1(q)}, {order3, G1}, {order3, order3}, {order3, negG1(order3)}, {order3, q}, {G1, offCurve(a)},
        {g1(BigInteger.ZERO, BigInteger.ONE), G1}, {xPlusP(G1), G1}, {G1, g1(BigInteger.ONE, P)}}) {
      in.add(bytes(pair[0], pair[1]));
    }
    in.add(withByte(bytes(G1, G1), 3, 1));
    in.add(withByte(bytes(G1, G1), 128 + 64, 0x80));
    in.add(new byte[0]);
    in.add(Arrays.copyOf(bytes(G1, G1), 255));
    in.add(Arrays.copyOf(bytes(G1, G1), 257));
    int ok = agree(0x0b, new BlsG1Add(), in);
    assertThat(ok).as("successful G1 adds").isEqualTo(in.size() - 9);
  }

  @Test
  void g2AddAgrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < 8; i++) in.add(bytes(randomG2(), randomG2()));
    String a = randomG2();
    String negA = Hex.encode(g2Msm.run(bytes(a, scalar(R.subtract(BigInteger.ONE)))));
    String q = g2OffSubgroup(1);
    String q2 = g2OffSubgroup(50);
    for (String[] pair : new String[][] {{a, a}, {a, negA}, {a, INF_G2}, {INF_G2, INF_G2}, {q, G2}, {q, q}, {q, q2}, {G2, offCurve(a)},
        {xPlusP(G2), G2}, {G2, G2.substring(0, 384) + fp(P)}}) {
      in.add(bytes(pair[0], pair[1]));
    }
    in.add(withByte(bytes(G2, G2), 64 + 5, 1));
    in.add(new byte[0]);
    in.add(Arrays.copyOf(bytes(G2, G2), 511));
    in.add(Arrays.copyOf(bytes(G2, G2), 513));
    int ok = agree(0x0d, new BlsG2Add(), in);
    assertThat(ok).as("successful G2 adds").isEqualTo(in.size() - 7);
  }

  @Test
  void g1MsmAgrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < 5; i++) in.add(bytes(randomG1(), scalar(randomScalar())));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    for (BigInteger k : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, R, R.add(BigInteger.ONE), max}) in.add(bytes(randomG1(), scalar(k)));
    for (int k = 2; k <= 8; k++) {
      StringBuilder pairs = new StringBuilder();
      for (int i = 0; i < k; i++) {
        String point = i == 1 ? INF_G1 : randomG1();
        pairs.append(point).append(scalar(i == 2 ? BigInteger.ZERO : randomScalar()));
      }
      in.add(bytes(pairs.toString()));
    }
    String a = randomG1();
    in.add(bytes(a, scalar(5), negG1(a), scalar(5)));
    in.add(bytes(g1OffSubgroup(1), scalar(1)));
    in.add(bytes(G1, scalar(1), g1OffSubgroup(7), scalar(0)));
    in.add(bytes(g1(BigInteger.ZERO, BigInteger.TWO), scalar(3)));
    in.add(bytes(offCurve(a), scalar(2)));
    in.add(bytes(xPlusP(G1), scalar(2)));
    in.add(withByte(bytes(G1, scalar(1)), 70, 1));
    in.add(new byte[0]);
    in.add(new byte[159]);
    in.add(new byte[161]);
    in.add(Arrays.copyOf(bytes(G1, scalar(1), G1, scalar(2)), 319));
    int ok = agree(0x0c, g1Msm, in);
    assertThat(ok).as("successful G1 MSMs").isEqualTo(in.size() - 10);
  }

  @Test
  void g2MsmAgrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < 5; i++) in.add(bytes(randomG2(), scalar(randomScalar())));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    for (BigInteger k : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, R, R.add(BigInteger.ONE), max}) in.add(bytes(randomG2(), scalar(k)));
    for (int k = 2; k <= 6; k++) {
      StringBuilder pairs = new StringBuilder();
      for (int i = 0; i < k; i++) pairs.append(i == 1 ? INF_G2 : randomG2()).append(scalar(i == 2 ? BigInteger.ZERO : randomScalar()));
      in.add(bytes(pairs.toString()));
    }
    in.add(bytes(g2OffSubgroup(1), scalar(1)));
    in.add(bytes(G2, scalar(1), g2OffSubgroup(9), scalar(0)));
    in.add(bytes(offCurve(randomG2()), scalar(2)));
    in.add(bytes(xPlusP(G2), scalar(2)));
    in.add(withByte(bytes(G2, scalar(1)), 200, 1));
    in.add(new byte[0]);
    in.add(new byte[287]);
    in.add(new byte[289]);
    int ok = agree(0x0e, g2Msm, in);
    assertThat(ok).as("successful G2 MSMs").isEqualTo(in.size() - 8);
  }

  @Test
  void pairingCheckAgrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    int holds = 0;
    for (int i = 0; i < 5; i++) {
      // e(a·G1, b·G2)·e(−ab·G1, G2) = 1
      BigInteger a = randomScalar().mod(R);
      BigInteger b = randomScalar().mod(R);
      String aG1 = Hex.encode(g1Msm.run(bytes(G1, scalar(a))));
      String bG2 = Hex.encode(g2Msm.run(bytes(G2, scalar(b))));
      String minusAbG1 = Hex.encode(g1Msm.run(bytes(G1, scalar(R.subtract(a.multiply(b).mod(R))))));
      in.add(bytes(aG1, bG2, minusAbG1, G2));
      holds++;
    }
    for (int k = 1; k <= 5; k++) {
      StringBuilder pairs = new StringBuilder();
      for (int i = 0; i < k; i++) pairs.append(randomG1()).append(randomG2());
      in.add(bytes(pairs.toString()));
    }
    in.add(bytes(INF_G1, G2));
    in.add(bytes(G1, INF_G2));
    in.add(bytes(randomG1(), randomG2(), INF_G1, INF_G2));
    in.add(bytes(g1OffSubgroup(1), G2));
    in.add(bytes(G1, g2OffSubgroup(1)));
    in.add(bytes(g1(BigInteger.ZERO, BigInteger.TWO), G2));
    in.add(bytes(offCurve(G1), G2));
    in.add(bytes(G1, offCurve(G2)));
    in.add(bytes(xPlusP(G1), G2));
    in.add(withByte(bytes(G1, G2), 128 + 130, 1));
    in.add(new byte[0]);
    in.add(new byte[383]);
    in.add(new byte[385]);
    int ok = agree(0x0f, new BlsPairingCheck(), in);
    assertThat(ok).as("successful pairing checks").isEqualTo(13);
    assertThat(holds).isEqualTo(5);
  }

  @Test
  void mapFpToG1Agrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < 20; i++) in.add(Hex.decode(fp(randomFp())));
    for (BigInteger u : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), BigInteger.valueOf(11)}) in.add(Hex.decode(fp(u)));
    in.add(Hex.decode(fp(P)));
    in.add(Hex.decode(fp(P.add(BigInteger.valueOf(5)))));
    in.add(withByte(Hex.decode(fp(BigInteger.ONE)), 0, 1));
    in.add(new byte[0]);
    in.add(new byte[63]);
    in.add(new byte[65]);
    int ok = agree(0x10, new BlsMapFpToG1(), in);
    assertThat(ok).as("successful maps to G1").isEqualTo(24);
  }

  @Test
  void mapFp2ToG2Agrees() throws Exception {
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < 16; i++) in.add(Hex.decode(fp(randomFp()) + fp(randomFp())));
    BigInteger pm1 = P.subtract(BigInteger.ONE);
    for (BigInteger[] u : new BigInteger[][] {{BigInteger.ZERO, BigInteger.ZERO}, {BigInteger.ONE, BigInteger.ZERO},
        {BigInteger.ZERO, BigInteger.ONE}, {pm1, pm1}, {BigInteger.valueOf(2), BigInteger.ONE}}) {
      in.add(Hex.decode(fp(u[0]) + fp(u[1])));
    }
    in.add(Hex.decode(fp(BigInteger.ONE) + fp(P)));
    in.add(Hex.decode(fp(P.add(BigInteger.ONE)) + fp(BigInteger.ONE)));
    in.add(withByte(new byte[128], 64, 1));
    in.add(new byte[0]);
    in.add(new byte[127]);
    in.add(new byte[129]);
    int ok = agree(0x11, new BlsMapFp2ToG2(), in);
    assertThat(ok).as("successful maps to G2").isEqualTo(21);
  }
}
