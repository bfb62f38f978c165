package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;

// Public only because host's Bn254GethTest builds its points with it; the rest of the tower is package-private.
/** The alt_bn128 (BN254) parameters of EIP-196/197: curves, group order, generators. */
public final class Bn254 {
  /** The order of G1, G2 and G_T. */
  public static final BigInteger R =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
  /** The BN parameter u: p = 36u⁴ + 36u³ + 24u² + 6u + 1, r = 36u⁴ + 36u³ + 18u² + 6u + 1. */
  public static final BigInteger U = BigInteger.valueOf(4965661367192848881L);
  /** G1: y² = x³ + 3 over F_p (cofactor 1, so every curve point is in G1). */
  public static final Curve<Fp> G1 = new Curve<>("BN254 G1", Fp.of(3));
  /** The sextic twist y² = x³ + 3/ξ over F_p², whose order-r subgroup is G2. */
  public static final Curve<Fp2> TWIST = new Curve<>("BN254 twist", Fp2.of(3, 0).mul(Fp2.XI.inverse()));
  public static final Point<Fp> G1_GENERATOR = Point.of(Fp.of(1), Fp.of(2));
  /** P2 as given in EIP-197. */
  public static final Point<Fp2> G2_GENERATOR = Point.of(
      Fp2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
      Fp2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  static {
    BigInteger u = U;
    BigInteger p = u.pow(4).multiply(BigInteger.valueOf(36)).add(u.pow(3).multiply(BigInteger.valueOf(36)))
        .add(u.pow(2).multiply(BigInteger.valueOf(24))).add(u.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE);
    BigInteger r = u.pow(4).multiply(BigInteger.valueOf(36)).add(u.pow(3).multiply(BigInteger.valueOf(36)))
        .add(u.pow(2).multiply(BigInteger.valueOf(18))).add(u.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE);
    if (!p.equals(Fp.P) || !r.equals(R)) throw new IllegalStateException("BN254 constants disagree with u = " + U);
  }

  private Bn254() {}

  /** Whether q (on the twist) has order dividing r, i.e. lies in G2. */
  static boolean inG2(Point<Fp2> q) {
    return TwistJacobian.inG2(q);
  }
}
