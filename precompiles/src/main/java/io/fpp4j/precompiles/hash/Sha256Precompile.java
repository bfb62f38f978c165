package io.fpp4j.precompiles.hash;

import io.fpp4j.precompiles.Precompile;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02: SHA-256 of the whole input; 60 gas plus 12 per word. Never fails. */
public final class Sha256Precompile implements Precompile {
  private static final LinearGas GAS = new LinearGas(60, 12);

  @Override
  public String name() {
    return "SHA-256";
  }

  @Override
  public long gas(byte[] input) {
    return GAS.of(input);
  }

  @Override
  public byte[] run(byte[] input) {
    // A digest per call: BouncyCastle digests hold state, and a precompile may be called from many threads.
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
