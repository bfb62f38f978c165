package io.fpp4j.precompiles.altbn;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;

/**
 * 0x07: a BN254 G1 point times a 256-bit scalar (EIP-196), 6000 gas since Istanbul (EIP-1108). Input is a point
 * and a scalar, read as 96 bytes (zero-padded, longer input ignored); fails if the point is malformed.
 */
public final class Bn254MulPrecompile implements Precompile {
  private static final long GAS = 6000;
  private static final int INPUT = G1Codec.POINT + G1Codec.WORD;

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
    byte[] data = G1Codec.padded(input, INPUT);
    G1Point point = G1Codec.point(data, 0);
    return G1Codec.encode(point.multiply(G1Codec.word(data, G1Codec.POINT)));
  }
}
