package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import supranational.blst.P2;

/**
 * Precompile 0x0d, EIP-2537 BLS12_G2ADD: {@code P ‖ Q} (two 256-byte G2 points) to {@code P + Q}. The points must
 * be encoded correctly and lie on the twist (or be infinity); there is no subgroup check.
 */
public final class BlsG2Add implements Precompile {
  /** EIP-2537's price of BLS12_G2ADD. */
  static final long GAS = 600;
  static final int INPUT_LENGTH = 2 * BlsCodec.G2_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 G2 add";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length != INPUT_LENGTH) {
      throw new PrecompileFailure("G2 add input is " + input.length + " bytes, expected " + INPUT_LENGTH);
    }
    P2 a = BlsCodec.toBlstG2(BlsCodec.g2(input, 0, "G2 point 1"), "G2 point 1");
    P2 b = BlsCodec.toBlstG2(BlsCodec.g2(input, BlsCodec.G2_LENGTH, "G2 point 2"), "G2 point 2");
    return BlsCodec.encode(a.add(b));
  }
}
