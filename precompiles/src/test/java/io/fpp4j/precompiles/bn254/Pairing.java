package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The reference: the first, plain implementation of the optimal ate pairing, kept in the tests so that the
 * fast {@link OptimalAte} is checked against it (production runs only {@link OptimalAte}).
 *
 * <p>The optimal ate pairing on BN254, e(P, Q) = f_{6u+2,Q}(P) · l_{T,π(Q)}(P) · l_{T+π(Q),−π²(Q)}(P), raised to
 * (p¹² − 1)/r.
 *
 * <p>Written here rather than taken from a library: no BN254 pairing is published on Maven Central (Besu's
 * native and gnark bindings live only in Hyperledger's own repository), and precompile 0x08 needs nothing more than
 * this check. It favours plainness over speed: BigInteger field arithmetic, affine twist points, line
 * functions evaluated as full F_p¹² elements, and a square-and-multiply hard part of the final exponentiation.
 *
 * <p>Lines: the twist point (x, y) stands for (x·w², y·w³) on E(F_p¹²), so a twist line of slope λ has slope
 * λ·w there, and at P = (xP, yP) the line through T = (xT, yT) is yP − λ·xP·w + (λ·xT − yT)·w³. Vertical lines
 * are dropped: their values lie in F_p⁶, which the final exponentiation sends to one.
 */
final class Pairing {
  /** 6u + 2, the optimal ate loop length. */
  static final BigInteger ATE_LOOP = Bn254.U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
  /** (p⁴ − p² + 1)/r, the hard part of the final exponentiation. */
  static final BigInteger HARD_EXPONENT = hardExponent();

  /** One (P, Q) pair of the product; either may be the point at infinity. */
  public record Pair(Point<Fp> p, Point<Fp2> q) {}

  private Pairing() {}

  /**
   * Whether Π e(P_i, Q_i) = 1. The points must already be valid: P on G1, Q in G2 (the caller checks
   * encodings, curve equations and the subgroup). The empty product is one.
   */
  public static boolean productIsOne(List<Pair> pairs) {
    Fp12 f = Fp12.ONE;
    for (Pair pair : pairs) f = f.mul(millerLoop(pair.p(), pair.q()));
    return finalExponentiation(f).isOne();
  }

  /** e(P, Q) in G_T. */
  public static Fp12 pairing(Point<Fp> p, Point<Fp2> q) {
    return finalExponentiation(millerLoop(p, q));
  }

  static Fp12 millerLoop(Point<Fp> p, Point<Fp2> q) {
    if (p.isInfinity() || q.isInfinity()) return Fp12.ONE; // e(O, Q) = e(P, O) = 1
    Curve<Fp2> twist = Bn254.TWIST;
    Fp12 f = Fp12.ONE;
    Point<Fp2> t = q;
    for (int bit = ATE_LOOP.bitLength() - 2; bit >= 0; bit--) {
      f = f.square().mul(tangent(t, p));
      t = twist.doubled(t);
      if (ATE_LOOP.testBit(bit)) {
        f = f.mul(chord(t, q, p));
        t = twist.add(t, q);
      }
    }
    // π(Q) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)) and π²(Q) = (x·ξ^((p²−1)/3), y·ξ^((p²−1)/2)) on the twist: the
    // Frobenius of E(F_p¹²) carried back through the untwisting map, with the factors w^(2(p^k−1)), w^(3(p^k−1)).
    Point<Fp2> q1 = Point.of(q.x().conjugate().mul(Fp12.frobeniusFactor(1, 2)), q.y().conjugate().mul(Fp12.frobeniusFactor(1, 3)));
    Point<Fp2> q2 = Point.of(q.x().mul(Fp12.frobeniusFactor(2, 2)), q.y().mul(Fp12.frobeniusFactor(2, 3)));
    f = f.mul(chord(t, q1, p));
    t = twist.add(t, q1);
    f = f.mul(chord(t, twist.negate(q2), p));
    return f;
  }

  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 easy = f.conjugate().mul(f.inverse()); // f^(p⁶ − 1)
    easy = easy.frobenius(2).mul(easy); // ^(p² + 1)
    return easy.pow(HARD_EXPONENT);
  }

  /** The tangent at T evaluated at P. T has order r (odd), so its y is never zero. */
  private static Fp12 tangent(Point<Fp2> t, Point<Fp> p) {
    Fp2 xx = t.x().square();
    Fp2 slope = xx.add(xx).add(xx).mul(t.y().add(t.y()).inverse());
    return line(t, slope, p);
  }

  /** The line through T and S evaluated at P (the tangent when they coincide). */
  private static Fp12 chord(Point<Fp2> t, Point<Fp2> s, Point<Fp> p) {
    if (t.isInfinity() || s.isInfinity()) {
      // T = [k]Q with 0 < k < r in the loop, and S = ±π^i(Q) ≠ O, so this cannot happen for Q in G2.
      throw new IllegalStateException("Miller loop reached the point at infinity; Q is not in G2");
    }
    if (t.x().equals(s.x())) {
      if (t.y().equals(s.y())) return tangent(t, p);
      return Fp12.ONE; // vertical: an F_p⁶ value, removed by the final exponentiation
    }
    Fp2 slope = s.y().sub(t.y()).mul(s.x().sub(t.x()).inverse());
    return line(t, slope, p);
  }

  private static Fp12 line(Point<Fp2> t, Fp2 slope, Point<Fp> p) {
    Fp6 c0 = new Fp6(new Fp2(p.y(), Fp.ZERO), Fp2.ZERO, Fp2.ZERO);
    Fp6 c1 = new Fp6(slope.mul(p.x()).neg(), slope.mul(t.x()).sub(t.y()), Fp2.ZERO);
    return new Fp12(c0, c1);
  }

  private static BigInteger hardExponent() {
    BigInteger p = Fp.P;
    BigInteger[] qr = p.pow(4).subtract(p.pow(2)).add(BigInteger.ONE).divideAndRemainder(Bn254.R);
    if (qr[1].signum() != 0) throw new IllegalStateException("r does not divide p^4 - p^2 + 1");
    return qr[0];
  }
}
