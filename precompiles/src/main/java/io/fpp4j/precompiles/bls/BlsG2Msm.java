package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;
import supranational.blst.P2;

/**
 * Precompile 0x0e, EIP-2537 BLS12_G2MSM: k ≥ 1 pairs {@code point[256] ‖ scalar[32]} to {@code Σ scalarᵢ·pointᵢ}.
 * Every point must be on the twist and in G2 (or infinity); scalars are reduced mod r as in {@link BlsG1Msm}.
 */
public final class BlsG2Msm implements Precompile {
  static final int PAIR_LENGTH = BlsCodec.G2_LENGTH + BlsCodec.SCALAR_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 G2 MSM";
  }

  /** EIP-2537's MSM price for k = ⌊length / 288⌋ pairs (see {@link BlsMsmGas#G2}). */
  @Override
  public long gas(byte[] input) {
    return BlsMsmGas.G2.gas(input.length / PAIR_LENGTH);
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      throw new PrecompileFailure("G2 MSM input is " + input.length + " bytes, expected a positive multiple of " + PAIR_LENGTH);
    }
    P2 sum = new P2();
    for (int i = 0, off = 0; off < input.length; i++, off += PAIR_LENGTH) {
      P2 point = BlsCodec.g2InGroup(input, off, "G2 point " + (i + 1));
      BigInteger k = BlsCodec.scalar(input, off + BlsCodec.G2_LENGTH).mod(BlsCodec.R);
      if (k.signum() != 0 && !point.is_inf()) sum = sum.add(point.mult(k));
    }
    return BlsCodec.encode(sum);
  }
}
