package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;
import supranational.blst.P1;

/**
 * Precompile 0x0c, EIP-2537 BLS12_G1MSM: k ≥ 1 pairs {@code point[128] ‖ scalar[32]} to {@code Σ scalarᵢ·pointᵢ}.
 * Every point must be on the curve and in G1 (or infinity). Scalars may exceed r; since every point is in the
 * order-r group, reducing them mod r changes nothing. The result is a plain sum of blst multiplications (jblst
 * exposes no Pippenger MSM): the same point, though slower for large k than the discounted price assumes.
 */
public final class BlsG1Msm implements Precompile {
  static final int PAIR_LENGTH = BlsCodec.G1_LENGTH + BlsCodec.SCALAR_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 G1 MSM";
  }

  /** EIP-2537's MSM price for k = ⌊length / 160⌋ pairs (see {@link BlsMsmGas#G1}). */
  @Override
  public long gas(byte[] input) {
    return BlsMsmGas.G1.gas(input.length / PAIR_LENGTH);
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      throw new PrecompileFailure("G1 MSM input is " + input.length + " bytes, expected a positive multiple of " + PAIR_LENGTH);
    }
    P1 sum = new P1();
    for (int i = 0, off = 0; off < input.length; i++, off += PAIR_LENGTH) {
      P1 point = BlsCodec.g1InGroup(input, off, "G1 point " + (i + 1));
      BigInteger k = BlsCodec.scalar(input, off + BlsCodec.G1_LENGTH).mod(BlsCodec.R);
      if (k.signum() != 0 && !point.is_inf()) sum = sum.add(point.mult(k));
    }
    return BlsCodec.encode(sum);
  }
}
