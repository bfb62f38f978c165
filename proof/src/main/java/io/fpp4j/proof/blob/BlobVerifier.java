package io.fpp4j.proof.blob;

/**
 * An optional check that a blob's data matches its KZG commitment. The oracle's key derivation already
 * binds each field element to the commitment (on chain the oracle checks a KZG proof per element), so
 * neither peer's client verifies; a program that wants the extra check plugs one in.
 */
@FunctionalInterface
public interface BlobVerifier {
  /**
   * @throws io.fpp4j.proof.ProviderException if {@code blob} (131,072 bytes) does not match {@code commitment} (48)
   */
  void verify(byte[] blob, byte[] commitment);
}
