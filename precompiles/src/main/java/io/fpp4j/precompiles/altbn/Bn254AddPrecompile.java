package io.fpp4j.precompiles.altbn;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;

/**
 * 0x06: the sum of two BN254 G1 points (EIP-196), 150 gas since Istanbul (EIP-1108). Input is two points, read
 * as 128 bytes (zero-padded, longer input ignored); fails if either point is malformed.
 */
public final class Bn254AddPrecompile implements Precompile {
  private static final long GAS = 150;
  private static final int INPUT = 2 * G1Codec.POINT;

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
    byte[] data = G1Codec.padded(input, INPUT);
    G1Point a = G1Codec.point(data, 0);
    G1Point b = G1Codec.point(data, G1Codec.POINT);
    return G1Codec.encode(a.add(b));
  }
}
