package io.fpp4j.precompiles.bn254;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;

/**
 * 0x06: the sum of two BN254 G1 points (EIP-196), 150 gas since Istanbul (EIP-1108). Input is read as 128
 * bytes (zero-padded, longer input ignored); fails if either point is malformed.
 */
public final class Bn254Add implements Precompile {
  private static final long GAS = 150;

  @Override
  public String name() {
    return "BN254 add";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    byte[] data = Bn254Codec.padded(input, 2 * Bn254Codec.POINT);
    Point<Fp> a = Bn254Codec.point(data, 0, "first point");
    Point<Fp> b = Bn254Codec.point(data, Bn254Codec.POINT, "second point");
    return Bn254Codec.encode(Bn254.G1.add(a, b));
  }
}
