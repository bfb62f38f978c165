package io.fpp4j.precompiles.bn254;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;

/**
 * 0x07: a BN254 G1 point times a 256-bit scalar (EIP-196), 6000 gas since Istanbul (EIP-1108). Input is read
 * as 96 bytes (zero-padded, longer input ignored); fails if the point is malformed.
 */
public final class Bn254Mul implements Precompile {
  private static final long GAS = 6000;

  @Override
  public String name() {
    return "BN254 mul";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    byte[] data = Bn254Codec.padded(input, Bn254Codec.POINT + Bn254Codec.WORD);
    Point<Fp> point = Bn254Codec.point(data, 0, "point");
    return Bn254Codec.encode(G1Jacobian.multiply(point, Bn254Codec.word(data, Bn254Codec.POINT)));
  }
}
