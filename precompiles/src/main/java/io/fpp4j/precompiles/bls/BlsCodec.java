package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537's encodings and their conversion to blst's points. EIP-2537: an Fp element is 64 bytes, 16 zero
 * bytes and the 48-byte big-endian value, which must be less than p; an Fp2 element is {@code c0 ‖ c1}; a point
 * is {@code x ‖ y} (128 bytes in G1, 256 in G2), all zeros being the point at infinity; a scalar is 32 bytes
 * big-endian and not reduced. blst's own uncompressed form is 96/192 bytes with three flag bits at the top
 * and Fp2 as {@code c1 ‖ c0} (the ZCash layout); values below p never set the flag bits, so the conversion only
 * strips the padding and swaps the Fp2 halves.
 *
 * <p>The curve equations are checked here, in Java, so that a point off the curve fails with a message
 * naming it; blst checks them again when it decodes.
 */
final class BlsCodec {
  static final int FP_LENGTH = 64;
  static final int G1_LENGTH = 2 * FP_LENGTH;
  static final int G2_LENGTH = 4 * FP_LENGTH;
  static final int SCALAR_LENGTH = 32;
  /** The order r of G1 and G2 (EIP-2537's "main subgroup order" q). */
  static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private static final int PADDING = 16;
  private static final int BLST_FP = 48;
  private static final BlsFp FP = BlsFp.FIELD;
  private static final BlsField<BlsFp2> FP2 = BlsFp2.FIELD;
  /** E1: y² = x³ + 4. */
  private static final BigInteger B1 = BigInteger.valueOf(4);
  /** E2 (the M-twist): y² = x³ + 4(1 + u). */
  private static final BlsFp2 B2 = BlsFp2.of(4, 4);

  private BlsCodec() {}

  /** The Fp element at {@code in[off, off + 64)}, named {@code what} in the failure. */
  static BigInteger fp(byte[] in, int off, String what) throws PrecompileFailure {
    for (int i = 0; i < PADDING; i++) {
      if (in[off + i] != 0) {
        throw new PrecompileFailure(what + " is not a field element: its top 16 bytes (input bytes " + off + "-"
            + (off + PADDING - 1) + ") are not zero");
      }
    }
    BigInteger v = new BigInteger(1, Arrays.copyOfRange(in, off + PADDING, off + FP_LENGTH));
    if (v.compareTo(BlsFp.P) >= 0) {
      throw new PrecompileFailure(what + " is not a field element: 0x" + v.toString(16) + " is not less than p");
    }
    return v;
  }

  static BlsFp2 fp2(byte[] in, int off, String what) throws PrecompileFailure {
    return new BlsFp2(fp(in, off, what + ".c0"), fp(in, off + FP_LENGTH, what + ".c1"));
  }

  /** The 32-byte big-endian scalar at {@code off}, unreduced. */
  static BigInteger scalar(byte[] in, int off) {
    return new BigInteger(1, Arrays.copyOfRange(in, off, off + SCALAR_LENGTH));
  }

  /** The G1 point at {@code off}: infinity, or a point on E1 (not necessarily in G1). */
  static BlsAffine<BigInteger> g1(byte[] in, int off, String what) throws PrecompileFailure {
    BigInteger x = fp(in, off, what + " x");
    BigInteger y = fp(in, off + FP_LENGTH, what + " y");
    if (x.signum() == 0 && y.signum() == 0) return BlsAffine.infinity();
    BlsAffine<BigInteger> p = new BlsAffine<>(x, y);
    if (!onCurveG1(p)) throw new PrecompileFailure(what + " is not on the curve");
    return p;
  }

  /** The G2 point at {@code off}: infinity, or a point on E2 (not necessarily in G2). */
  static BlsAffine<BlsFp2> g2(byte[] in, int off, String what) throws PrecompileFailure {
    BlsFp2 x = fp2(in, off, what + " x");
    BlsFp2 y = fp2(in, off + 2 * FP_LENGTH, what + " y");
    if (FP2.isZero(x) && FP2.isZero(y)) return BlsAffine.infinity();
    BlsAffine<BlsFp2> p = new BlsAffine<>(x, y);
    if (!onCurveG2(p)) throw new PrecompileFailure(what + " is not on the curve");
    return p;
  }

  /** The G1 point at {@code off} as blst's, required to be in the order-r subgroup. */
  static P1 g1InGroup(byte[] in, int off, String what) throws PrecompileFailure {
    BlsAffine<BigInteger> a = g1(in, off, what);
    // (0, ±2) has order 3; blst refuses to decode it, and it is not in G1 either.
    if (!a.isInfinity() && a.x().signum() == 0) throw notInGroup(what);
    P1 p = toBlstG1(a, what);
    if (!p.in_group()) throw notInGroup(what);
    return p;
  }

  /** The G2 point at {@code off} as blst's, required to be in the order-r subgroup. */
  static P2 g2InGroup(byte[] in, int off, String what) throws PrecompileFailure {
    P2 p = toBlstG2(g2(in, off, what), what);
    if (!p.in_group()) throw notInGroup(what);
    return p;
  }

  private static PrecompileFailure notInGroup(String what) {
    return new PrecompileFailure(what + " is not in the subgroup of order r");
  }

  static boolean onCurveG1(BlsAffine<BigInteger> p) {
    return p.isInfinity() || FP.square(p.y()).equals(FP.add(FP.mul(FP.square(p.x()), p.x()), B1));
  }

  static boolean onCurveG2(BlsAffine<BlsFp2> p) {
    return p.isInfinity() || FP2.square(p.y()).equals(FP2.add(FP2.mul(FP2.square(p.x()), p.x()), B2));
  }

  /**
   * blst's point for an affine point on E1 whose x is not 0: blst's decoder refuses the two points with x = 0,
   * (0, ±2), as outside G1 (see {@link BlsG1Fallback}).
   */
  static P1 toBlstG1(BlsAffine<BigInteger> p, String what) throws PrecompileFailure {
    if (p.isInfinity()) return new P1();
    byte[] s = new byte[2 * BLST_FP];
    put48(s, 0, p.x());
    put48(s, BLST_FP, p.y());
    try {
      return new P1_Affine(s).to_jacobian();
    } catch (RuntimeException e) {
      throw new PrecompileFailure(what + ": blst refused the point: " + e.getMessage(), e);
    }
  }

  static P2 toBlstG2(BlsAffine<BlsFp2> p, String what) throws PrecompileFailure {
    if (p.isInfinity()) return new P2();
    byte[] s = new byte[4 * BLST_FP];
    put48(s, 0, p.x().c1());
    put48(s, BLST_FP, p.x().c0());
    put48(s, 2 * BLST_FP, p.y().c1());
    put48(s, 3 * BLST_FP, p.y().c0());
    try {
      return new P2_Affine(s).to_jacobian();
    } catch (RuntimeException e) {
      throw new PrecompileFailure(what + ": blst refused the point: " + e.getMessage(), e);
    }
  }

  /** EIP-2537's 128 bytes for a blst G1 point. */
  static byte[] encode(P1 p) {
    byte[] out = new byte[G1_LENGTH];
    if (p.is_inf()) return out;
    byte[] s = p.serialize();
    System.arraycopy(s, 0, out, PADDING, BLST_FP);
    System.arraycopy(s, BLST_FP, out, FP_LENGTH + PADDING, BLST_FP);
    return out;
  }

  /** EIP-2537's 256 bytes for a blst G2 point: blst's {@code x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0} reordered. */
  static byte[] encode(P2 p) {
    byte[] out = new byte[G2_LENGTH];
    if (p.is_inf()) return out;
    byte[] s = p.serialize();
    int[] order = {1, 0, 3, 2};
    for (int i = 0; i < 4; i++) System.arraycopy(s, order[i] * BLST_FP, out, i * FP_LENGTH + PADDING, BLST_FP);
    return out;
  }

  /** EIP-2537's 128 bytes for an affine G1 point. */
  static byte[] encodeG1(BlsAffine<BigInteger> p) {
    byte[] out = new byte[G1_LENGTH];
    if (p.isInfinity()) return out;
    put48(out, PADDING, p.x());
    put48(out, FP_LENGTH + PADDING, p.y());
    return out;
  }

  private static void put48(byte[] out, int off, BigInteger v) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, BLST_FP); // drops toByteArray's sign byte; v < p < 2^381
    System.arraycopy(b, b.length - n, out, off + BLST_FP - n, n);
  }
}
