package io.fpp4j.precompiles.kzg;

import io.fpp4j.primitives.Hashing;
import java.nio.ByteBuffer;

/** Deterministic blobs: every field element a keccak of the seed and index with its top byte cleared (below r). */
public final class TestBlobs {
  private TestBlobs() {}

  public static byte[] blob(String seed) {
    byte[] blob = new byte[Kzg.BLOB_BYTES];
    for (int i = 0; i < Kzg.FIELD_ELEMENTS; i++) {
      byte[] fe = Hashing.keccak256((seed + ":" + i).getBytes());
      fe[0] = 0;
      System.arraycopy(fe, 0, blob, 32 * i, 32);
    }
    return blob;
  }

  /** A valid point-evaluation precompile input for {@code blob} at z = keccak(seed) mod-ish (top byte cleared). */
  public static byte[] pointEvaluationInput(byte[] blob, String zSeed) {
    byte[] z = Hashing.keccak256(zSeed.getBytes());
    z[0] = 0;
    byte[] commitment = Kzg.commitment(blob);
    byte[][] proofAndY = Kzg.computeProof(blob, z);
    return ByteBuffer.allocate(192).put(Kzg.versionedHash(commitment)).put(z).put(proofAndY[1]).put(commitment)
        .put(proofAndY[0]).array();
  }
}
