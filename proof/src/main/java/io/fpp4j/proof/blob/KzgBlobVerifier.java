package io.fpp4j.proof.blob;

import io.fpp4j.precompiles.kzg.Kzg;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.proof.ProviderException;
import java.util.Arrays;

/**
 * Checks a blob against its commitment by recomputing the commitment with c-kzg, through the precompiles
 * module's loader ({@link Kzg}) and the EIP-4844 trusted setup bundled there. The precompiles module is an
 * optional dependency of this one: a program that uses this class adds {@code io.fpp4j:precompiles}, so that
 * clients that do not check blobs pull no native library.
 */
public final class KzgBlobVerifier implements BlobVerifier {
  /** Loads c-kzg and the trusted setup now (once per JVM, about two seconds), so the first blob is not slow. */
  public KzgBlobVerifier() {
    Kzg.ensureLoaded();
  }

  @Override
  public void verify(byte[] blob, byte[] commitment) {
    byte[] computed;
    try {
      computed = Kzg.commitment(blob);
    } catch (RuntimeException e) {
      throw new ProviderException("c-kzg rejected the blob of commitment " + Bytes.of(commitment).toHex() + ": "
          + e.getMessage(), e);
    }
    if (!Arrays.equals(computed, commitment)) {
      throw new ProviderException("blob does not match its commitment: served " + Bytes.of(commitment).toHex()
          + ", the blob commits to " + Bytes.of(computed).toHex());
    }
  }

  /** The commitment of {@code blob}; for tests and generators that need to make blobs. */
  public static byte[] commit(byte[] blob) {
    return Kzg.commitment(blob);
  }

  /** The evaluation of {@code blob} at {@code z}, from c-kzg's proof computation (32 bytes). */
  public static byte[] evaluate(byte[] blob, byte[] z) {
    return Kzg.evaluate(blob, z);
  }
}
