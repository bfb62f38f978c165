package io.fpp4j.precompiles.bn254;

import io.fpp4j.precompiles.PrecompileFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Precompile 0x08 as it ran before the Montgomery rewrite: the same decoding, then the affine BigInteger
 * subgroup check ([r]Q by {@link Curve#multiply}) and the reference {@link Pairing}. Public, and shipped in
 * the test jar, so that the bench module can time old against new in one run.
 */
public final class ReferenceBn254Pairing {
  private ReferenceBn254Pairing() {}

  /** The precompile's 32-byte answer for a well-formed input, computed the old way. */
  public static byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length % Bn254Pairing.PAIR_LENGTH != 0) throw new PrecompileFailure("pairing input is " + input.length + " bytes");
    int k = input.length / Bn254Pairing.PAIR_LENGTH;
    List<Pairing.Pair> pairs = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int at = i * Bn254Pairing.PAIR_LENGTH;
      String where = "pair " + (i + 1) + " of " + k;
      Point<Fp> p = Bn254Codec.point(input, at, where);
      Point<Fp2> q = twistPoint(input, at + Bn254Codec.POINT, where);
      pairs.add(new Pairing.Pair(p, q));
    }
    byte[] out = new byte[32];
    if (Pairing.productIsOne(pairs)) out[31] = 1;
    return out;
  }

  private static Point<Fp2> twistPoint(byte[] in, int at, String where) throws PrecompileFailure {
    if (Bn254Codec.allZero(in, at, 128)) return Point.infinity();
    Fp xIm = Bn254Codec.coordinate(in, at, where);
    Fp xRe = Bn254Codec.coordinate(in, at + 32, where);
    Fp yIm = Bn254Codec.coordinate(in, at + 64, where);
    Fp yRe = Bn254Codec.coordinate(in, at + 96, where);
    Point<Fp2> q = Point.of(new Fp2(xRe, xIm), new Fp2(yRe, yIm));
    if (!Bn254.TWIST.isOnCurve(q) || !Bn254.TWIST.multiply(q, Bn254.R).isInfinity()) {
      throw new PrecompileFailure(where + ": G2 point " + q + " is not in G2");
    }
    return q;
  }
}
