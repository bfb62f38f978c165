package io.fpp4j.host.online;

import static io.fpp4j.precompiles.bn254.Bn254Inputs.P1;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.P2;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.encode;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.encode2;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.g1;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.g2;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.pair;
import static io.fpp4j.precompiles.bn254.Bn254Inputs.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.bn254.Bn254;
import io.fpp4j.precompiles.bn254.Bn254Inputs;
import io.fpp4j.precompiles.bn254.Bn254Pairing;
import io.fpp4j.precompiles.bn254.Fp;
import io.fpp4j.precompiles.bn254.Fp2;
import io.fpp4j.precompiles.bn254.Point;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Precompile 0x08 against geth's own (a real geth {@code --dev}, {@code eth_call} to address 8): valid
 * products that are and are not one, points at infinity, points off the curve or the twist, twist points
 * outside G2, coordinates of p or more, and wrong lengths. Each input must give the same outcome in both
 * (an RPC error from geth being a failed call) and the same output bytes. The points are built with this
 * package's own scalar multiplication, itself checked against geth's 0x06 (add) and 0x07 (mul).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Bn254GethTest {
  static final String PAIRING = "0x0000000000000000000000000000000000000008";
  static final String ECADD = "0x0000000000000000000000000000000000000006";
  static final String ECMUL = "0x0000000000000000000000000000000000000007";
  static final String ONE = "00".repeat(31) + "01";
  static final String ZERO = "00".repeat(32);
  static final String FAILS = "fails";

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

  /** geth's output for a call to {@code address}, or {@link #FAILS} if the call fails (a JSON-RPC error). */
  String gethCall(String address, String hex) throws RpcException {
    try {
      return Hex.encode(Hex.decode(geth.rpc.call("eth_call", Map.of("to", address, "data", "0x" + hex), "latest").asText()));
    } catch (RpcException e) {
      // geth reports a failed precompile as a JSON-RPC error -32000 ("point is not on curve", ...); anything
      // else (no answer, invalid params) is a broken test, not a failed call.
      if (e.rpcErrorCode() == null || e.rpcErrorCode() != -32000) throw e;
      return FAILS;
    }
  }

  static String ours(String hex) {
    try {
      return Hex.encode(new Bn254Pairing().run(Hex.decode(hex)));
    } catch (PrecompileFailure f) {
      return FAILS;
    }
  }

  record Case(String name, String input, String expected) {
    @Override
    public String toString() {
      return name + " (" + input.length() / 2 + " bytes)";
    }
  }

  static List<Case> cases() {
    Random rnd = new Random(197);
    List<Case> c = new ArrayList<>();
    Point<Fp2> minusP2 = Bn254.TWIST.negate(P2);
    // A G2 point that is not a small multiple of the generator: a twist point with its cofactor cleared.
    Point<Fp2> cleared = Bn254.TWIST.multiply(Bn254Inputs.twistPoint(5), Bn254Inputs.TWIST_COFACTOR);
    Point<Fp2> offSubgroup = Bn254Inputs.twistPoint(1);
    Point<Fp2> offSubgroup2 = Bn254Inputs.twistPoint(40);

    c.add(new Case("empty input", "", ONE));
    c.add(new Case("geth jeff1", Bn254Inputs.JEFF1, ONE));
    c.add(new Case("geth jeff6", Bn254Inputs.JEFF6, ZERO));
    for (int i = 0; i < 3; i++) {
      BigInteger a = scalar(rnd);
      BigInteger b = scalar(rnd);
      BigInteger ab = a.multiply(b);
      c.add(new Case("e(aP,bQ)·e(-abP,Q) #" + i, pair(g1(a), g2(b)) + pair(Bn254.G1.negate(g1(ab)), P2), ONE));
      c.add(new Case("e(aP,bQ)·e(-(ab+1)P,Q) #" + i,
          pair(g1(a), g2(b)) + pair(Bn254.G1.negate(g1(ab.add(BigInteger.ONE))), P2), ZERO));
      c.add(new Case("e(aP,bQ) alone #" + i, pair(g1(a), g2(b)), ZERO));
    }
    c.add(new Case("e(P,Q)·e(P,-Q)", pair(P1, P2) + pair(P1, minusP2), ONE));
    c.add(new Case("e(P,Q)", pair(P1, P2), ZERO));
    BigInteger a = scalar(rnd);
    BigInteger b = scalar(rnd);
    Point<Fp2> cq = g2(scalar(rnd));
    c.add(new Case("e(aP,cQ)·e(bP,cQ)·e(-(a+b)P,cQ)",
        pair(g1(a), cq) + pair(g1(b), cq) + pair(Bn254.G1.negate(g1(a.add(b))), cq), ONE));
    c.add(new Case("e(aP,cQ)·e(bP,cQ)·e(-aP,cQ)·e(-bP,cQ)",
        pair(g1(a), cq) + pair(g1(b), cq) + pair(Bn254.G1.negate(g1(a)), cq) + pair(Bn254.G1.negate(g1(b)), cq), ONE));
    c.add(new Case("e(aP,cQ)·e(bP,cQ)·e(-aP,cQ)", pair(g1(a), cq) + pair(g1(b), cq) + pair(Bn254.G1.negate(g1(a)), cq), ZERO));
    c.add(new Case("cleared-cofactor G2: e(aP,Q')·e(-aP,Q')", pair(g1(a), cleared) + pair(Bn254.G1.negate(g1(a)), cleared), ONE));
    c.add(new Case("cleared-cofactor G2: e(aP,Q')", pair(g1(a), cleared), ZERO));
    c.add(new Case("ten pairs (P,Q),(P,-Q) x5", (pair(P1, P2) + pair(P1, minusP2)).repeat(5), ONE));
    c.add(new Case("ten pairs, last Q not negated", (pair(P1, P2) + pair(P1, minusP2)).repeat(4) + pair(P1, P2) + pair(P1, P2), ZERO));

    Point<Fp> o1 = Point.infinity();
    Point<Fp2> o2 = Point.infinity();
    c.add(new Case("(O, Q)", pair(o1, P2), ONE));
    c.add(new Case("(P, O)", pair(P1, o2), ONE));
    c.add(new Case("(O, O)", pair(o1, o2), ONE));
    c.add(new Case("(O, Q)·(P, Q)", pair(o1, P2) + pair(P1, P2), ZERO));
    c.add(new Case("(P, O)·(P, Q)·(P, -Q)", pair(P1, o2) + pair(P1, P2) + pair(P1, minusP2), ONE));

    Point<Fp> offG1 = Point.of(Fp.of(1), Fp.of(3));
    c.add(new Case("G1 (1, 3) off the curve", pair(offG1, P2), FAILS));
    c.add(new Case("G1 off the curve in pair 2", pair(P1, P2) + pair(offG1, P2), FAILS));
    c.add(new Case("G1 off the curve with G2 at infinity", pair(offG1, o2), FAILS));
    c.add(new Case("G1 (0, 1)", word(BigInteger.ZERO) + word(BigInteger.ONE) + encode2(P2), FAILS));
    c.add(new Case("G2 y + 1 off the twist", pair(P1, Point.of(P2.x(), P2.y().add(Fp2.ONE))), FAILS));
    c.add(new Case("G2 with real and imaginary parts swapped", encode(P1)
        + encode2(Point.of(new Fp2(P2.x().im(), P2.x().re()), new Fp2(P2.y().im(), P2.y().re()))), FAILS));
    c.add(new Case("G2 x = 0, y = 1", encode(P1) + encode2(Point.of(Fp2.ZERO, Fp2.ONE)), FAILS));
    c.add(new Case("G2 on the twist, not in G2", pair(P1, offSubgroup), FAILS));
    c.add(new Case("G2 on the twist, not in G2, G1 at infinity", pair(o1, offSubgroup2), FAILS));
    c.add(new Case("G2 not in G2 in pair 3", pair(P1, P2) + pair(P1, minusP2) + pair(P1, offSubgroup), FAILS));

    String good = pair(P1, P2);
    c.add(new Case("G1 x = p + 1 (the generator mod p)", word(Fp.P.add(BigInteger.ONE)) + good.substring(64), FAILS));
    c.add(new Case("G1 y = p + 2 (the generator mod p)", good.substring(0, 64) + word(Fp.P.add(BigInteger.TWO)) + good.substring(128), FAILS));
    c.add(new Case("G1 x = 2^256 - 1", "ff".repeat(32) + good.substring(64), FAILS));
    c.add(new Case("G1 (p, 0)", word(Fp.P) + word(BigInteger.ZERO) + encode2(P2), FAILS));
    String[] parts = {"x imaginary", "x real", "y imaginary", "y real"};
    for (int k = 0; k < 4; k++) {
      int at = 128 + 64 * k;
      BigInteger shifted = new BigInteger(good.substring(at, at + 64), 16).add(Fp.P);
      c.add(new Case("G2 " + parts[k] + " part + p (the generator mod p)", good.substring(0, at) + word(shifted) + good.substring(at + 64), FAILS));
    }

    for (int length : new int[] {1, 64, 128, 191, 193, 383, 385}) {
      String input = (good + good + "00").substring(0, 2 * length);
      c.add(new Case("length " + length, input, FAILS));
    }
    return c;
  }

  static BigInteger scalar(Random rnd) {
    return new BigInteger(256, rnd).mod(Bn254.R.subtract(BigInteger.ONE)).add(BigInteger.ONE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pairingAgreesWithGeth(Case c) throws Exception {
    String gethOut = gethCall(PAIRING, c.input());
    String ourOut = ours(c.input());
    assertThat(ourOut).as("ours vs geth").isEqualTo(gethOut);
    assertThat(ourOut).as("expected").isEqualTo(c.expected());
  }

  @Test
  void theCasesCoverEveryOutcome() {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all.stream().filter(c -> c.expected().equals(ONE)).count()).isGreaterThanOrEqualTo(10);
    assertThat(all.stream().filter(c -> c.expected().equals(ZERO)).count()).isGreaterThanOrEqualTo(8);
    assertThat(all.stream().filter(c -> c.expected().equals(FAILS)).count()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void g1AddAndMulAgreeWithGethsPrecompiles() throws Exception {
    Random rnd = new Random(196);
    List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        Bn254.R.subtract(BigInteger.ONE), Bn254.R, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
    for (int i = 0; i < 4; i++) scalars.add(new BigInteger(256, rnd));
    Point<Fp> base = g1(scalar(rnd));
    for (BigInteger k : scalars) {
      for (Point<Fp> p : List.of(P1, base)) {
        String expected = encode(Bn254.G1.multiply(p, k));
        assertThat(gethCall(ECMUL, encode(p) + word(k))).as("[%s]%s", k, p).isEqualTo(expected);
      }
    }
    List<Point<Fp>> points = List.of(P1, base, g1(scalar(rnd)), Bn254.G1.negate(base), Point.infinity());
    for (Point<Fp> p : points) {
      for (Point<Fp> q : points) {
        assertThat(gethCall(ECADD, encode(p) + encode(q))).as("%s + %s", p, q).isEqualTo(encode(Bn254.G1.add(p, q)));
      }
    }
  }
}
