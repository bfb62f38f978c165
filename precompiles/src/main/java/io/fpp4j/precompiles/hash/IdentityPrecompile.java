package io.fpp4j.precompiles.hash;

import io.fpp4j.precompiles.Precompile;

/** 0x04: returns its input unchanged; 15 gas plus 3 per word. Never fails. */
public final class IdentityPrecompile implements Precompile {
  private static final LinearGas GAS = new LinearGas(15, 3);

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public long gas(byte[] input) {
    return GAS.of(input);
  }

  @Override
  public byte[] run(byte[] input) {
    // A copy: the caller owns the input buffer (EVM memory) and may change it after the call.
    return input.clone();
  }
}
