package io.fpp4j.precompiles.bn254;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;

/** Builds EIP-197 pairing inputs from points, for the unit and geth tests. */
public final class Bn254Inputs {
  public static final Point<Fp> P1 = Bn254.G1_GENERATOR;
  public static final Point<Fp2> P2 = Bn254.G2_GENERATOR;
  /** The twist has r·(2p − r) points; multiplying by 2p − r lands in G2. */
  public static final BigInteger TWIST_COFACTOR = Fp.P.shiftLeft(1).subtract(Bn254.R);

  /**
   * go-ethereum core/vm/testdata/precompiles/bn256Pairing.json, vectors "jeff1" (two pairs whose product is
   * one) and "jeff6" (the same with the second G1 point negated, y ↦ p − y; the product is not one). Data only.
   */
  public static final String JEFF1 = "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
      + "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
      + "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
      + "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
      + "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
      + "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
      + "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c"
      + "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411"
      + "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
      + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
      + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
      + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
  public static final String JEFF6 = JEFF1.substring(0, 448)
      + "103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936" + JEFF1.substring(512);

  private Bn254Inputs() {}

  public static Point<Fp> g1(long k) {
    return g1(BigInteger.valueOf(k));
  }

  public static Point<Fp> g1(BigInteger k) {
    return Bn254.G1.multiply(P1, k);
  }

  public static Point<Fp2> g2(long k) {
    return g2(BigInteger.valueOf(k));
  }

  public static Point<Fp2> g2(BigInteger k) {
    return Bn254.TWIST.multiply(P2, k);
  }

  public static String word(BigInteger v) {
    return Hex.encode(Bytes32.fromBigInteger(v).toArray());
  }

  public static String encode(Point<Fp> p) {
    if (p.isInfinity()) return "00".repeat(64);
    return word(p.x().value()) + word(p.y().value());
  }

  /** EIP-197 order: imaginary part first. */
  public static String encode2(Point<Fp2> q) {
    if (q.isInfinity()) return "00".repeat(128);
    return word(q.x().im().value()) + word(q.x().re().value()) + word(q.y().im().value()) + word(q.y().re().value());
  }

  public static String pair(Point<Fp> p, Point<Fp2> q) {
    return encode(p) + encode2(q);
  }

  /** A point on the twist found from x = k + i upwards, not necessarily in G2. */
  public static Point<Fp2> twistPoint(long k) {
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
  public static Fp2 sqrt(Fp2 a) {
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
