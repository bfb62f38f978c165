package io.fpp4j.proof.blob;

import ethereum.ckzg4844.CKZG4844JNI;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.proof.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a blob against its commitment by recomputing the commitment with c-kzg (jc-kzg-4844). The library
 * is an optional dependency of this module: a program that uses this class adds
 * {@code io.consensys.protocols:jc-kzg-4844} and supplies the EIP-4844 trusted setup file (jc-kzg bundles
 * none; the public file ships, for example, inside the {@code org.web3j:crypto} jar).
 *
 * <p>c-kzg holds one trusted setup per process, so the first path given wins and later instances reuse it.
 */
public final class KzgBlobVerifier implements BlobVerifier {
  private static Path loaded;

  public KzgBlobVerifier(Path trustedSetup) {
    load(trustedSetup);
  }

  private static synchronized void load(Path trustedSetup) {
    if (loaded != null) return;
    if (!Files.isRegularFile(trustedSetup)) {
      throw new IllegalArgumentException("KZG trusted setup file not found: " + trustedSetup);
    }
    CKZG4844JNI.loadNativeLibrary();
    CKZG4844JNI.loadTrustedSetup(trustedSetup.toString(), 0);
    loaded = trustedSetup;
  }

  @Override
  public void verify(byte[] blob, byte[] commitment) {
    byte[] computed;
    try {
      computed = CKZG4844JNI.blobToKzgCommitment(blob);
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
    return CKZG4844JNI.blobToKzgCommitment(blob);
  }

  /** The evaluation of {@code blob} at {@code z}, from c-kzg's proof computation (32 bytes). */
  public static byte[] evaluate(byte[] blob, byte[] z) {
    return CKZG4844JNI.computeKzgProof(blob, z).getY();
  }
}
