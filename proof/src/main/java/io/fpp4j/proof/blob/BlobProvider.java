package io.fpp4j.proof.blob;

import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.hint.BlobHint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads EIP-4844 blobs through the oracle (kona-proof {@code OracleBlobProvider}, op-program's
 * {@code GetBlob}):
 * <ol>
 *   <li>hint {@code l1-blob} (40 bytes by default, the legacy 48-byte form on request);
 *   <li>the 48-byte commitment under the sha256 key of the versioned hash ({@code 04 ‖ versionedHash[1:]}),
 *       checked against the versioned hash: {@code 0x01 ‖ sha256(commitment)[1:]};
 *   <li>the 4,096 field elements under blob keys {@code 05 ‖ keccak256(commitment ‖ z_i)[1:]}, each
 *       checked to be a canonical field element;
 *   <li>optionally, the whole blob against the commitment with a {@link BlobVerifier}.
 * </ol>
 */
public final class BlobProvider {
  /** The version byte of a KZG versioned hash. */
  public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  /** Which {@code l1-blob} layout to send. */
  public enum HintForm {
    /** {@code versionedHash ‖ u64be(timestamp)}: what current clients of both peers send. */
    CURRENT,
    /** {@code versionedHash ‖ u64be(index) ‖ u64be(timestamp)}: for hosts older than 2026. */
    LEGACY
  }

  private final OracleClient oracle;
  private final HintForm hintForm;
  private final Optional<BlobVerifier> verifier;

  public BlobProvider(OracleClient oracle) {
    this(oracle, HintForm.CURRENT, Optional.empty());
  }

  public BlobProvider(OracleClient oracle, HintForm hintForm, Optional<BlobVerifier> verifier) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.hintForm = Objects.requireNonNull(hintForm, "hintForm");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * Reads the blob with {@code versionedHash}, carried by the L1 block with {@code l1Timestamp} at position
   * {@code index} among that block's blobs (only sent in the legacy hint form).
   *
   * @throws BlobCommitmentMismatchException if the served commitment does not hash to {@code versionedHash}
   * @throws ProviderException if a field element is not canonical, or the verifier rejects the blob
   */
  public Blob getBlob(Bytes32 versionedHash, long l1Timestamp, long index) {
    if (versionedHash.get(0) != VERSIONED_HASH_VERSION_KZG) {
      throw new BlobCommitmentMismatchException(String.format(
          "versioned hash %s has version 0x%02x; only KZG (0x01) blobs exist", versionedHash, versionedHash.get(0) & 0xff));
    }
    BlobHint hint = hintForm == HintForm.CURRENT
        ? BlobHint.of(versionedHash, l1Timestamp)
        : BlobHint.legacy(versionedHash, index, l1Timestamp);
    hint.sendTo(oracle);

    byte[] commitment = new byte[48];
    oracle.getExact(PreimageKey.sha256(versionedHash), commitment);
    byte[] digest = Hashing.sha256(commitment);
    if (!Arrays.equals(digest, 1, 32, versionedHash.toArray(), 1, 32)) {
      digest[0] = VERSIONED_HASH_VERSION_KZG;
      throw new BlobCommitmentMismatchException("commitment " + Bytes.of(commitment).toHex()
          + " served for versioned hash " + versionedHash + " hashes to versioned hash " + Bytes32.wrap(digest));
    }

    // All 4,096 keys are known now, so they go out in one getAll: over a stream the oracle pipelines them.
    List<PreimageKey> keys = new ArrayList<>(RootsOfUnity.FIELD_ELEMENTS_PER_BLOB);
    for (int i = 0; i < RootsOfUnity.FIELD_ELEMENTS_PER_BLOB; i++) {
      keys.add(PreimageKey.blob(commitment, RootsOfUnity.z(i)));
    }
    List<byte[]> elements = oracle.getAll(keys);
    byte[] data = new byte[Blob.BYTES];
    for (int i = 0; i < RootsOfUnity.FIELD_ELEMENTS_PER_BLOB; i++) {
      byte[] element = elements.get(i);
      if (element.length != Blob.BYTES_PER_FIELD_ELEMENT) {
        throw new ProviderException("field element " + i + " of blob " + versionedHash + " (key " + keys.get(i)
            + ") is " + element.length + " bytes, not " + Blob.BYTES_PER_FIELD_ELEMENT);
      }
      if (!isCanonical(element)) {
        throw new ProviderException("field element " + i + " of blob " + versionedHash + " is not below the BLS "
            + "modulus: " + Bytes.of(element).toHex());
      }
      System.arraycopy(element, 0, data, i * Blob.BYTES_PER_FIELD_ELEMENT, Blob.BYTES_PER_FIELD_ELEMENT);
    }
    verifier.ifPresent(v -> v.verify(data, commitment));
    return new Blob(versionedHash, Bytes.adopt(commitment), Bytes.adopt(data));
  }

  /** The versioned hash of a commitment: {@code 0x01 ‖ sha256(commitment)[1:]}. */
  public static Bytes32 versionedHash(byte[] commitment) {
    if (commitment.length != 48) throw new IllegalArgumentException("commitment must be 48 bytes, got " + commitment.length);
    byte[] d = Hashing.sha256(commitment);
    d[0] = VERSIONED_HASH_VERSION_KZG;
    return Bytes32.wrap(d);
  }

  private static final byte[] MODULUS = RootsOfUnity.toBytes32(RootsOfUnity.BLS_MODULUS);

  static boolean isCanonical(byte[] element) {
    return Arrays.compareUnsigned(element, MODULUS) < 0;
  }
}
