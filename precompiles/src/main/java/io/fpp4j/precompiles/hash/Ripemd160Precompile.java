package io.fpp4j.precompiles.hash;

import io.fpp4j.precompiles.Precompile;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * 0x03: RIPEMD-160 of the whole input, returned as a 32-byte word (12 zero bytes, then the 20-byte digest);
 * 600 gas plus 120 per word. Never fails.
 */
public final class Ripemd160Precompile implements Precompile {
  private static final LinearGas GAS = new LinearGas(600, 120);
  private static final int WORD = 32;

  @Override
  public String name() {
    return "RIPEMD-160";
  }

  @Override
  public long gas(byte[] input) {
    return GAS.of(input);
  }

  @Override
  public byte[] run(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[WORD];
    digest.doFinal(out, WORD - digest.getDigestSize());
    return out;
  }
}
