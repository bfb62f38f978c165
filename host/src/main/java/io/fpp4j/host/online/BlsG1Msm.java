package io.fpp4j.host.online;

import java.math.BigInteger;
import supranational.blst.P1;

/**
 * Precompile 0x0c, EIP-2537 BLS12_G1MSM: k ≥ 1 pairs {@code point[128] ‖ scalar[32]} to {@code Σ scalarᵢ·pointᵢ}.
 * Every point must be on the curve and in G1 (or infinity). Scalars may exceed r; since every point is in the
 * order-r group, reducing them mod r changes nothing. The host ignores gas, so a plain sum of blst multiplications
 * is enough.
 */
public final class BlsG1Msm implements Precompile {
  static final int PAIR_LENGTH = BlsCodec.G1_LENGTH + BlsCodec.SCALAR_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 G1 MSM";
  }

  @Override
  public byte[] run(byte[] input) throws Failure {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      throw new Failure("G1 MSM input is " + input.length + " bytes, expected a positive multiple of " + PAIR_LENGTH);
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
