package io.fpp4j.precompiles.bn254;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Precompile 0x08 (EIP-197): the BN254 (alt_bn128) pairing check. The input is k pairs of 192 bytes, each a
 * G1 point {@code x[32] ‖ y[32]} then a G2 point {@code x_im[32] ‖ x_re[32] ‖ y_im[32] ‖ y_re[32]} (F_p²
 * elements a·i + b are encoded a first), all big-endian and below p; all-zero is the point at infinity. The
 * call fails if the length is not a multiple of 192 or a point is badly encoded, off its curve, or (for G2)
 * outside the order-r subgroup. Otherwise the output is the 32-byte word 1 if Π e(P_i, Q_i) = 1 and 0 if
 * not; the empty input gives 1.
 *
 * <p>The OP Stack's input-size caps (Granite: 112,687 bytes; Jovian: 81,984) are not applied here: the fork
 * tables wrap this precompile in an {@link io.fpp4j.precompiles.InputLimit} from those forks on.
 *
 * <p>The arithmetic is hand-written (the rest of this package): no BN254 pairing library is
 * published on Maven Central. The pairing and the G2 subgroup check run on the Montgomery tower
 * ({@link OptimalAte}, {@link TwistJacobian}); the decoding and curve checks stay on {@link Fp}.
 */
public final class Bn254Pairing implements Precompile {
  /** Istanbul's prices (EIP-1108): 45000 per call plus 34000 per pair. */
  static final long BASE_GAS = 45_000;
  static final long PAIR_GAS = 34_000;
  static final int PAIR_LENGTH = 192;

  @Override
  public String name() {
    return "BN254 pairing";
  }

  /** {@code 45000 + 34000·k} for k whole pairs; a length that is not a multiple of 192 fails anyway. */
  @Override
  public long gas(byte[] input) {
    return BASE_GAS + PAIR_GAS * (input.length / PAIR_LENGTH);
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length % PAIR_LENGTH != 0) {
      throw new PrecompileFailure("pairing input is " + input.length + " bytes, not a multiple of " + PAIR_LENGTH
          + " (G1 point 64 ‖ G2 point 128 per pair)");
    }
    int k = input.length / PAIR_LENGTH;
    List<OptimalAte.Pair> pairs = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int at = i * PAIR_LENGTH;
      String where = "pair " + (i + 1) + " of " + k;
      Point<Fp> p = Bn254Codec.point(input, at, where);
      Point<Fp2> q = g2(input, at + Bn254Codec.POINT, where);
      pairs.add(new OptimalAte.Pair(p, q));
    }
    byte[] out = new byte[32];
    if (OptimalAte.productIsOne(pairs)) out[31] = 1;
    return out;
  }

  static Point<Fp2> g2(byte[] in, int at, String where) throws PrecompileFailure {
    if (Bn254Codec.allZero(in, at, 128)) return Point.infinity();
    Fp xIm = Bn254Codec.coordinate(in, at, where + ": G2 x imaginary part");
    Fp xRe = Bn254Codec.coordinate(in, at + 32, where + ": G2 x real part");
    Fp yIm = Bn254Codec.coordinate(in, at + 64, where + ": G2 y imaginary part");
    Fp yRe = Bn254Codec.coordinate(in, at + 96, where + ": G2 y real part");
    Point<Fp2> q = Point.of(new Fp2(xRe, xIm), new Fp2(yRe, yIm));
    if (!Bn254.TWIST.isOnCurve(q)) {
      throw new PrecompileFailure(where + ": G2 point " + q + " is not on the twist y^2 = x^3 + 3/(9+i)");
    }
    if (!Bn254.inG2(q)) throw new PrecompileFailure(where + ": G2 point " + q + " is on the twist but not in the order-r subgroup");
    return q;
  }
}
