package io.fpp4j.precompiles.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing on BN254 over the Montgomery tower, for precompile 0x08:
 * e(P, Q) = (f_{6u+2,Q}(P) · l_{T,π(Q)}(P) · l_{T+π(Q),−π²(Q)}(P))^((p¹² − 1)/r).
 *
 * <p>Hand-written (no BN254 pairing library on Maven Central). It computes the same values as the plain
 * affine BigInteger version kept in the tests as the reference, faster by:
 * <ul>
 *   <li>Jacobian twist points, so no inversion per Miller step; each line is scaled by a nonzero F_p²
 *       factor, which the final exponentiation sends to one (F_p² lies inside F_p⁶);
 *   <li>lines multiplied in as sparse elements a + (b + c·v)·w;
 *   <li>one Miller loop for all pairs, sharing the squarings of f;
 *   <li>the hard part (p⁴ − p² + 1)/r = λ₀ + λ₁p + λ₂p² + λ₃p³ computed with three exponentiations by u,
 *       Frobenius maps and the vectorial addition chain of Scott, Benger, Charlemagne, Dominguez Perez and
 *       Kachisa, "On the Final Exponentiation for Calculating Pairings on Ordinary Elliptic Curves" (2009).
 * </ul>
 *
 * <p>Lines: the twist point (x, y) stands for (x·w², y·w³) on E(F_p¹²), and at P = (xP, yP) the line of
 * slope λ through (x₀, y₀) is yP − λ·xP·w + (λ·x₀ − y₀)·w³, i.e. a + (b + c·v)·w with a = yP, b = −λ·xP,
 * c = λ·x₀ − y₀. Vertical lines are dropped: their values lie in F_p⁶.
 */
final class OptimalAte {
  private static final BigInteger ATE_LOOP = Bn254.U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
  private static final long U = Bn254.U.longValueExact();

  private OptimalAte() {}

  /** One valid pair: P on G1, Q in G2, either possibly at infinity. */
  record Pair(Point<Fp> p, Point<Fp2> q) {}

  /** Whether Π e(P_i, Q_i) = 1 for already-validated points; the empty product is one. */
  static boolean productIsOne(List<Pair> pairs) {
    return finalExponentiation(millerLoop(pairs)).isOne();
  }

  /** e(P, Q) in G_T. */
  static MontFp12 pairing(Point<Fp> p, Point<Fp2> q) {
    return finalExponentiation(millerLoop(List.of(new Pair(p, q))));
  }

  /** A pair in the loop's working form: P's coordinates, Q affine, and the running multiple T of Q. */
  private static final class State {
    final MontFp px, py;
    final MontFp2 qx, qy;
    TwistJacobian t;

    State(Pair pair) {
      px = MontFp.of(pair.p().x());
      py = MontFp.of(pair.p().y());
      qx = MontFp2.of(pair.q().x());
      qy = MontFp2.of(pair.q().y());
      t = TwistJacobian.affine(qx, qy);
    }
  }

  /** The product of the Miller loops of all pairs, with f squared once per step for all of them. */
  static MontFp12 millerLoop(List<Pair> pairs) {
    List<State> states = new ArrayList<>(pairs.size());
    for (Pair pair : pairs) {
      if (!pair.p().isInfinity() && !pair.q().isInfinity()) states.add(new State(pair)); // e(O, Q) = e(P, O) = 1
    }
    MontFp12 f = MontFp12.ONE;
    if (states.isEmpty()) return f;
    for (int bit = ATE_LOOP.bitLength() - 2; bit >= 0; bit--) {
      f = f.square();
      for (State s : states) f = doublingStep(f, s);
      if (ATE_LOOP.testBit(bit)) {
        for (State s : states) f = additionStep(f, s, s.qx, s.qy);
      }
    }
    for (State s : states) {
      // π(Q) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)) and π²(Q) = (x·ξ^((p²−1)/3), y·ξ^((p²−1)/2)) on the twist.
      MontFp2 q1x = s.qx.conjugate().mul(MontFp12.frobeniusFactor(1, 2));
      MontFp2 q1y = s.qy.conjugate().mul(MontFp12.frobeniusFactor(1, 3));
      MontFp2 q2x = s.qx.mul(MontFp12.frobeniusFactor(2, 2));
      MontFp2 q2y = s.qy.mul(MontFp12.frobeniusFactor(2, 3));
      f = additionStep(f, s, q1x, q1y);
      f = additionStep(f, s, q2x, q2y.neg());
    }
    return f;
  }

  /**
   * f · (tangent at T)(P), and T ← 2T. With x = X/Z², y = Y/Z³ the slope is 3X²/(2YZ); the line scaled by
   * 2YZ³ is a = 2YZ·Z²·yP, b = −3X²·Z²·xP, c = 3X³ − 2Y².
   */
  private static MontFp12 doublingStep(MontFp12 f, State s) {
    TwistJacobian t = s.t;
    // T has odd order r, so it is never at infinity nor of order two here.
    MontFp2 xx = t.x.square();
    MontFp2 yy = t.y.square();
    MontFp2 zz = t.z.square();
    MontFp2 e = xx.dbl().add(xx);
    MontFp2 yz2 = t.y.mul(t.z).dbl();
    MontFp2 a = yz2.mul(zz).mul(s.py);
    MontFp2 b = e.mul(zz).mul(s.px).neg();
    MontFp2 c = e.mul(t.x).sub(yy.dbl());
    s.t = t.doubled();
    return f.mulByLine(a, b, c);
  }

  /**
   * f · (line through T and (qx, qy))(P), and T ← T + (qx, qy). With H = qx·Z² − X and N = qy·Z³ − Y the
   * slope is N/(Z·H); the line scaled by D = Z·H is a = D·yP, b = −N·xP, c = N·qx − D·qy.
   */
  private static MontFp12 additionStep(MontFp12 f, State s, MontFp2 qx, MontFp2 qy) {
    TwistJacobian t = s.t;
    if (t.isInfinity()) throw new IllegalStateException("Miller loop reached the point at infinity; Q is not in G2");
    MontFp2 zz = t.z.square();
    MontFp2 h = qx.mul(zz).sub(t.x);
    MontFp2 n = qy.mul(t.z).mul(zz).sub(t.y);
    if (h.isZero()) {
      if (n.isZero()) return doublingStep(f, s); // T equals the point: the line is the tangent
      s.t = TwistJacobian.INFINITY; // T is its negative: a vertical line, an F_p⁶ value
      return f;
    }
    MontFp2 d = t.z.mul(h);
    MontFp2 a = d.mul(s.py);
    MontFp2 b = n.mul(s.px).neg();
    MontFp2 c = n.mul(qx).sub(d.mul(qy));
    s.t = t.addAffine(qx, qy);
    return f.mulByLine(a, b, c);
  }

  static MontFp12 finalExponentiation(MontFp12 f) {
    MontFp12 easy = f.conjugate().mul(f.inverse()); // f^(p⁶ − 1)
    easy = easy.frobenius(2).mul(easy); // ^(p² + 1): now in the cyclotomic subgroup, where x⁻¹ = x̄
    return hardPart(easy);
  }

  /**
   * m^((p⁴ − p² + 1)/r) for m in the cyclotomic subgroup, as Π y_i^(e_i) with
   * y0 = m^(p+p²+p³), y1 = m⁻¹, y2 = m^(u²p²), y3 = m^(−up), y4 = m^(−u−u²p), y5 = m^(−u²), y6 = m^(−u³−u³p)
   * and exponents (1, 2, 6, 12, 18, 30, 36), which multiply out to λ₀ + λ₁p + λ₂p² + λ₃p³ (λ₃ = 1,
   * λ₂ = 6u² + 1, λ₁ = −36u³ − 18u² − 12u + 1, λ₀ = −36u³ − 30u² − 18u − 2), exactly the hard exponent.
   */
  static MontFp12 hardPart(MontFp12 m) {
    MontFp12 mu = powU(m);
    MontFp12 mu2 = powU(mu);
    MontFp12 mu3 = powU(mu2);
    MontFp12 y0 = m.frobenius(1).mul(m.frobenius(2)).mul(m.frobenius(3));
    MontFp12 y1 = m.conjugate();
    MontFp12 y2 = mu2.frobenius(2);
    MontFp12 y3 = mu.frobenius(1).conjugate();
    MontFp12 y4 = mu.mul(mu2.frobenius(1)).conjugate();
    MontFp12 y5 = mu2.conjugate();
    MontFp12 y6 = mu3.mul(mu3.frobenius(1)).conjugate();
    MontFp12 t0 = y6.square().mul(y4).mul(y5);
    MontFp12 t1 = y3.mul(y5).mul(t0);
    t0 = t0.mul(y2);
    t1 = t1.square().mul(t0).square();
    t0 = t1.mul(y1);
    t1 = t1.mul(y0);
    return t0.square().mul(t1);
  }

  /** m^u by square-and-multiply: acc starts at m for the top bit (63 − nlz(u)), then every lower bit. */
  private static MontFp12 powU(MontFp12 m) {
    MontFp12 acc = m;
    for (int bit = 62 - Long.numberOfLeadingZeros(U); bit >= 0; bit--) {
      acc = acc.square();
      if (((U >>> bit) & 1) == 1) acc = acc.mul(m);
    }
    return acc;
  }
}
