package io.fpp4j.precompiles.kzg;

import ethereum.ckzg4844.CKZG4844JNI;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * EIP-4844 KZG through c-kzg-4844 (jc-kzg-4844 JNI) with the Ethereum ceremony's trusted setup, which the
 * build copies next to this class. The native library and setup load once per JVM, on first use (about two
 * seconds). This is the reactor's only c-kzg loader: c-kzg keeps one setup per process, so the point-evaluation
 * precompile, the host's blob handler and the proof SDK's {@code KzgBlobVerifier} all go through it.
 */
public final class Kzg {
  public static final int BLOB_BYTES = 131_072;
  public static final int COMMITMENT_BYTES = 48;
  public static final int FIELD_ELEMENTS = 4096;
  /** The order of BLS12-381's G1, the field blobs are polynomials over (EIP-4844's {@code BLS_MODULUS}). */
  public static final BigInteger BLS_MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  static final String SETUP_RESOURCE = "trusted_setup.txt";
  /** sha256 of the c-kzg {@code trusted_setup.txt} (mainnet ceremony, 4096 G1 / 65 G2 points). */
  static final String SETUP_SHA256 = "e695ba9905a832de98dc3567febe326b760382bfd77a9a6880ca51b602a7d7ff";

  private static volatile boolean loaded;

  private Kzg() {}

  /** Loads the library and trusted setup if not done yet; every other method here calls it first. */
  public static synchronized void ensureLoaded() {
    if (loaded) return;
    byte[] setup;
    try (InputStream in = Kzg.class.getResourceAsStream(SETUP_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the KZG trusted setup " + SETUP_RESOURCE + " is not on the class path next to "
            + Kzg.class.getName() + "; the precompiles module's Maven build copies it there (generate-resources)");
      }
      setup = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the KZG trusted setup: " + e.getMessage(), e);
    }
    String sum = Hex.encode(Hashing.sha256(setup));
    if (!sum.equals(SETUP_SHA256)) {
      throw new IllegalStateException("the KZG trusted setup on the class path has sha256 " + sum + ", expected " + SETUP_SHA256);
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile("fpp4j-kzg-setup", ".txt");
      Files.write(tmp, setup);
      CKZG4844JNI.loadNativeLibrary();
      try {
        CKZG4844JNI.loadTrustedSetup(tmp.toString(), 0);
      } catch (RuntimeException e) {
        // c-kzg keeps one setup per process; another component of this JVM may have loaded the same one.
        if (e.getMessage() == null || !e.getMessage().contains("already loaded")) throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the KZG trusted setup: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file is harmless
        }
      }
    }
    loaded = true;
  }

  /** The 48-byte KZG commitment of a blob. */
  public static byte[] commitment(byte[] blob) {
    if (blob.length != BLOB_BYTES) {
      throw new IllegalArgumentException("a blob is " + BLOB_BYTES + " bytes, got " + blob.length);
    }
    ensureLoaded();
    return CKZG4844JNI.blobToKzgCommitment(blob);
  }

  /** The 48-byte KZG proof that {@code blob} matches {@code commitment} (EIP-4844's blob proof). */
  public static byte[] blobProof(byte[] blob, byte[] commitment) {
    ensureLoaded();
    return CKZG4844JNI.computeBlobKzgProof(blob, commitment);
  }

  /** Checks a blob proof made by {@link #blobProof}. */
  public static boolean verifyBlobProof(byte[] blob, byte[] commitment, byte[] proof) {
    ensureLoaded();
    return CKZG4844JNI.verifyBlobKzgProof(blob, commitment, proof);
  }

  /** Checks that {@code proof} shows the blob committed to by {@code commitment} evaluates to {@code y} at {@code z}. */
  static boolean verifyProof(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    ensureLoaded();
    return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
  }

  /** The value at {@code z} of the polynomial {@code blob} holds (32 bytes), from c-kzg's proof computation. */
  public static byte[] evaluate(byte[] blob, byte[] z) {
    return computeProof(blob, z)[1];
  }

  /** A KZG proof of the blob's value at {@code z} and the value: {@code {proof[48], y[32]}} (for tests and generators). */
  public static byte[][] computeProof(byte[] blob, byte[] z) {
    ensureLoaded();
    var p = CKZG4844JNI.computeKzgProof(blob, z);
    return new byte[][] {p.getProof(), p.getY()};
  }

  /** The EIP-4844 versioned hash of a commitment: {@code 0x01 ‖ sha256(commitment)[1:]}. */
  public static byte[] versionedHash(byte[] commitment) {
    byte[] h = Hashing.sha256(commitment);
    h[0] = 0x01;
    return h;
  }

  /** Whether {@code versionedHash} is {@code commitment}'s. */
  public static boolean sameVersionedHash(byte[] commitment, byte[] versionedHash) {
    return Arrays.equals(versionedHash(commitment), versionedHash);
  }
}
