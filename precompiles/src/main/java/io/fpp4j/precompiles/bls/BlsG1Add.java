package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;
import supranational.blst.P1;

/**
 * Precompile 0x0b, EIP-2537 BLS12_G1ADD: {@code P ‖ Q} (two 128-byte G1 points) to {@code P + Q}. The points must
 * be encoded correctly and lie on the curve (or be infinity); unlike the MSM there is no subgroup check.
 */
public final class BlsG1Add implements Precompile {
  /** EIP-2537's price of BLS12_G1ADD. */
  static final long GAS = 375;
  static final int INPUT_LENGTH = 2 * BlsCodec.G1_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 G1 add";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length != INPUT_LENGTH) {
      throw new PrecompileFailure("G1 add input is " + input.length + " bytes, expected " + INPUT_LENGTH);
    }
    BlsAffine<BigInteger> a = BlsCodec.g1(input, 0, "G1 point 1");
    BlsAffine<BigInteger> b = BlsCodec.g1(input, BlsCodec.G1_LENGTH, "G1 point 2");
    if (BlsG1Fallback.needed(a) || BlsG1Fallback.needed(b)) return BlsCodec.encodeG1(BlsG1Fallback.add(a, b));
    P1 sum = BlsCodec.toBlstG1(a, "G1 point 1").add(BlsCodec.toBlstG1(b, "G1 point 2"));
    return BlsCodec.encode(sum);
  }
}
