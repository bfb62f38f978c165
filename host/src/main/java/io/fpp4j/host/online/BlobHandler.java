package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.precompiles.kzg.Kzg;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.blob.RootsOfUnity;
import io.fpp4j.proof.hint.BlobHint;
import java.util.Arrays;
import java.util.List;

/**
 * {@code l1-blob}: {@code versionedHash[32] ‖ u64be(l1Timestamp)} (40 bytes, current clients) or
 * {@code versionedHash[32] ‖ u64be(index) ‖ u64be(l1Timestamp)} (48 bytes, older clients; the index is
 * not needed, since the blob is found by its versioned hash).
 *
 * <p>The slot comes from the timestamp and the beacon chain's genesis time and slot length. Of the slot's
 * blobs, the one whose KZG commitment (computed here with c-kzg, never taken on trust) has the hinted
 * versioned hash is stored as:
 * <ul>
 *   <li>{@code 04 ‖ versionedHash[1:]} → the 48-byte commitment (a sha256 preimage: the versioned hash is
 *       sha256 of the commitment with its first byte replaced);
 *   <li>for each field element i: {@code 02 ‖ keccak(commitment ‖ z_i)[1:]} → the 80 bytes
 *       {@code commitment ‖ z_i} (for op-challenger) and {@code 05 ‖ keccak(commitment ‖ z_i)[1:]} →
 *       {@code blob[32i, 32i+32)}, where z_i is the i-th bit-reversed root of unity;
 *   <li>kona-host's extra entry, so a Kona data directory made here holds what one made by Kona holds: the
 *       blob's 48-byte KZG proof (computed here) under the key body {@code commitment ‖ z_4095[0:24] ‖
 *       u64be(4096)}. That body is what Kona's loop leaves in its key buffer after the last element with the
 *       index 4096 written over its tail; no client reads it today, op-program does not write it.
 * </ul>
 */
final class BlobHandler implements HintHandler<BlobHint> {
  private final BeaconClient beacon;

  BlobHandler(BeaconClient beacon) {
    this.beacon = beacon;
  }

  @Override
  public void handle(BlobHint hint, PreimageStore store) throws RpcException {
    byte[] versionedHash = hint.versionedHash().toArray();
    if (versionedHash[0] != 0x01) {
      throw new InvalidHintException("hint " + hint + ": versioned hash " + Hex.prefixed(versionedHash)
          + " does not have version 0x01 (KZG)");
    }
    long timestamp = hint.timestamp();
    long slot;
    try {
      slot = beacon.slotAt(timestamp);
    } catch (IllegalArgumentException e) {
      throw new InvalidHintException("hint " + hint + ": " + e.getMessage(), e);
    }
    List<BeaconClient.BeaconBlob> blobs = beacon.blobs(slot, versionedHash);
    for (BeaconClient.BeaconBlob b : blobs) {
      if (b.commitment() != null && !Kzg.sameVersionedHash(b.commitment(), versionedHash)) continue;
      if (b.blob().length != Kzg.BLOB_BYTES) {
        throw new RpcException("beacon node " + beacon.endpoint() + " slot " + Long.toUnsignedString(slot) + " has a blob of "
            + b.blob().length + " bytes, not " + Kzg.BLOB_BYTES, null);
      }
      byte[] commitment = Kzg.commitment(b.blob());
      if (!Kzg.sameVersionedHash(commitment, versionedHash)) {
        if (b.commitment() != null) {
          throw new RpcException("beacon node " + beacon.endpoint() + " slot " + Long.toUnsignedString(slot)
              + " lists a blob under commitment " + Hex.prefixed(b.commitment()) + " but the blob's commitment is "
              + Hex.prefixed(commitment), null);
        }
        continue;
      }
      store(store, versionedHash, commitment, b.blob());
      return;
    }
    throw new RpcException("beacon node " + beacon.endpoint() + " has no blob with versioned hash " + Hex.prefixed(versionedHash)
        + " in slot " + Long.toUnsignedString(slot) + " (L1 timestamp " + Long.toUnsignedString(timestamp) + ", "
        + blobs.size() + " blobs in the slot)", null);
  }

  /** Stores a blob whose commitment has been checked against {@code versionedHash}. */
  static void store(PreimageStore store, byte[] versionedHash, byte[] commitment, byte[] blob) {
    store.put(PreimageKey.fromDigest(PreimageKeyType.SHA256, versionedHash), commitment.clone());
    for (int i = 0; i < Kzg.FIELD_ELEMENTS; i++) {
      byte[] body = PreimageKey.blobKeyPreimage(commitment, RootsOfUnity.z(i));
      byte[] digest = Hashing.keccak256(body);
      store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, digest), body);
      store.put(PreimageKey.fromDigest(PreimageKeyType.BLOB, digest), Arrays.copyOfRange(blob, 32 * i, 32 * i + 32));
    }
    byte[] proofBody = proofKeyPreimage(commitment);
    byte[] digest = Hashing.keccak256(proofBody);
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, digest), proofBody);
    store.put(PreimageKey.fromDigest(PreimageKeyType.BLOB, digest), Kzg.blobProof(blob, commitment));
  }

  /** Kona's key body for the blob proof: {@code commitment ‖ z_4095[0:24] ‖ u64be(4096)}. */
  static byte[] proofKeyPreimage(byte[] commitment) {
    byte[] body = PreimageKey.blobKeyPreimage(commitment, RootsOfUnity.z(Kzg.FIELD_ELEMENTS - 1));
    java.nio.ByteBuffer.wrap(body, 72, 8).putLong(Kzg.FIELD_ELEMENTS);
    return body;
  }
}
