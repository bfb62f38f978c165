package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * Precompile 0x0f, EIP-2537 BLS12_PAIRING_CHECK: k ≥ 1 pairs {@code G1[128] ‖ G2[256]}, all on their curves and
 * in their subgroups; returns the 32-byte word 1 if {@code Πe(Pᵢ, Qᵢ) = 1} and 0 otherwise. A pair with a point at
 * infinity contributes 1, so it is left out of the product.
 */
public final class BlsPairingCheck implements Precompile {
  /** EIP-2537's price of BLS12_PAIRING_CHECK: 37700 per call plus 32600 per pair. */
  static final long BASE_GAS = 37_700;
  static final long PAIR_GAS = 32_600;
  static final int PAIR_LENGTH = BlsCodec.G1_LENGTH + BlsCodec.G2_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 pairing check";
  }

  /** {@code 37700 + 32600·k} for k = ⌊length / 384⌋ pairs. */
  @Override
  public long gas(byte[] input) {
    return BASE_GAS + PAIR_GAS * (input.length / PAIR_LENGTH);
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      throw new PrecompileFailure("pairing input is " + input.length + " bytes, expected a positive multiple of " + PAIR_LENGTH);
    }
    PT product = null;
    for (int i = 0, off = 0; off < input.length; i++, off += PAIR_LENGTH) {
      P1 p = BlsCodec.g1InGroup(input, off, "G1 point " + (i + 1));
      P2 q = BlsCodec.g2InGroup(input, off + BlsCodec.G1_LENGTH, "G2 point " + (i + 1));
      if (p.is_inf() || q.is_inf()) continue;
      PT miller = new PT(new P1_Affine(p), new P2_Affine(q)); // the Miller loop; one final exponentiation below
      product = product == null ? miller : product.mul(miller);
    }
    byte[] out = new byte[32];
    if (product == null || product.final_exp().is_one()) out[31] = 1;
    return out;
  }
}
