package io.fpp4j.proof.blob;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Blobs and the preimages a host stores for them, as op-program's prefetcher does. */
final class BlobFixtures {
  private BlobFixtures() {}

  /** A deterministic blob of canonical field elements (each below the modulus, whose first byte is 0x73). */
  static byte[] randomBlob(long seed) {
    byte[] blob = new byte[Blob.BYTES];
    new Random(seed).nextBytes(blob);
    for (int i = 0; i < Blob.BYTES; i += 32) blob[i] &= 0x3f;
    return blob;
  }

  /** sha256 key → commitment; for each i, blob key → element and keccak key → commitment ‖ z_i. */
  static Map<PreimageKey, byte[]> preimages(byte[] blob, byte[] commitment) {
    Map<PreimageKey, byte[]> m = new HashMap<>();
    Bytes32 vh = BlobProvider.versionedHash(commitment);
    m.put(PreimageKey.fromDigest(PreimageKeyType.SHA256, vh.toArray()), commitment);
    for (int i = 0; i < 4096; i++) {
      byte[] z = RootsOfUnity.z(i);
      byte[] fe = new byte[32];
      System.arraycopy(blob, 32 * i, fe, 0, 32);
      m.put(PreimageKey.blob(commitment, z), fe);
      m.put(PreimageKey.keccak256Of(PreimageKey.blobKeyPreimage(commitment, z)), PreimageKey.blobKeyPreimage(commitment, z));
    }
    return m;
  }
}
