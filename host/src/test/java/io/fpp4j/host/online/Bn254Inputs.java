package io.fpp4j.host.online;

import io.fpp4j.host.online.bn254.Bn254;
import io.fpp4j.host.online.bn254.Fp;
import io.fpp4j.host.online.bn254.Fp2;
import io.fpp4j.host.online.bn254.Point;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;

/** Builds EIP-197 pairing inputs from points, for the unit and geth tests. */
final class Bn254Inputs {
  static final Point<Fp> P1 = Bn254.G1_GENERATOR;
  static final Point<Fp2> P2 = Bn254.G2_GENERATOR;
  /** The twist has r·(2p − r) points; multiplying by 2p − r lands in G2. */
  static final BigInteger TWIST_COFACTOR = Fp.P.shiftLeft(1).subtract(Bn254.R);

  private Bn254Inputs() {}

  static Point<Fp> g1(long k) {
    return g1(BigInteger.valueOf(k));
  }

  static Point<Fp> g1(BigInteger k) {
    return Bn254.G1.multiply(P1, k);
  }

  static Point<Fp2> g2(long k) {
    return g2(BigInteger.valueOf(k));
  }

  static Point<Fp2> g2(BigInteger k) {
    return Bn254.TWIST.multiply(P2, k);
  }

  static String word(BigInteger v) {
    return Hex.encode(Bytes32.fromBigInteger(v).toArray());
  }

  static String encode(Point<Fp> p) {
    if (p.isInfinity()) return "00".repeat(64);
    return word(p.x().value()) + word(p.y().value());
  }

  /** EIP-197 order: imaginary part first. */
  static String encode2(Point<Fp2> q) {
    if (q.isInfinity()) return "00".repeat(128);
    return word(q.x().im().value()) + word(q.x().re().value()) + word(q.y().im().value()) + word(q.y().re().value());
  }

  static String pair(Point<Fp> p, Point<Fp2> q) {
    return encode(p) + encode2(q);
  }

  /** A point on the twist found from x = k + i upwards, not necessarily in G2. */
  static Point<Fp2> twistPoint(long k) {
    for (long x = k; x < k + 1000; x++) {
      Fp2 xx = Fp2.of(x, 1);
      Fp2 y = sqrt(xx.square().mul(xx).add(Bn254.TWIST.b()));
      if (y != null) return Point.of(xx, y);
    }
    throw new AssertionError("no twist point with x in " + k + ".." + (k + 1000) + " + i");
  }

  /**
   * A square root in F_p² (p ≡ 3 mod 4), or null if none: the candidate from a^((p−3)/4) as in Adj and
   * Rodríguez-Henríquez's method, accepted only after squaring it back.
   */
  static Fp2 sqrt(Fp2 a) {
    BigInteger p = Fp.P;
    Fp2 a1 = a.pow(p.subtract(BigInteger.valueOf(3)).shiftRight(2));
    Fp2 alpha = a1.mul(a1).mul(a);
    Fp2 x0 = a1.mul(a);
    Fp2 x = alpha.equals(Fp2.ONE.neg())
        ? new Fp2(Fp.ZERO, Fp.ONE).mul(x0)
        : alpha.add(Fp2.ONE).pow(p.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
    return x.square().equals(a) ? x : null;
  }
}
