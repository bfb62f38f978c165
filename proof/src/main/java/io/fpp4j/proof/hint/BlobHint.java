package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Bytes32;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code l1-blob}: the blob's versioned hash and the timestamp of the L1 block that carries it. Current
 * clients of both peers send 40 bytes ({@code hash ‖ u64be(timestamp)}); the deprecated 48-byte form puts
 * the blob's index between them ({@code hash ‖ u64be(index) ‖ u64be(timestamp)}), and hosts accept both.
 */
public record BlobHint(Bytes32 versionedHash, OptionalLong index, long timestamp) implements Hint {
  public BlobHint {
    Objects.requireNonNull(versionedHash, "versionedHash");
    Objects.requireNonNull(index, "index");
  }

  /** The current 40-byte form. */
  public static BlobHint of(Bytes32 versionedHash, long timestamp) {
    return new BlobHint(versionedHash, OptionalLong.empty(), timestamp);
  }

  /** The legacy 48-byte form. */
  public static BlobHint legacy(Bytes32 versionedHash, long index, long timestamp) {
    return new BlobHint(versionedHash, OptionalLong.of(index), timestamp);
  }

  @Override
  public HintType type() {
    return HintType.L1_BLOB;
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(versionedHash.toArray(), HintBytes.optionalU64(index), HintBytes.u64(timestamp));
  }

  static BlobHint decode(byte[] data) {
    if (data.length == 40) return of(HintBytes.bytes32(data, 0), HintBytes.u64(data, 32));
    if (data.length == 48) return legacy(HintBytes.bytes32(data, 0), HintBytes.u64(data, 32), HintBytes.u64(data, 40));
    throw HintBytes.wrongLength(HintType.L1_BLOB,
        "40 (versioned hash ‖ timestamp) or 48 (versioned hash ‖ index ‖ timestamp)", data);
  }

  @Override
  public String toString() {
    return "l1-blob " + versionedHash + (index.isPresent() ? " index " + Long.toUnsignedString(index.getAsLong()) : "")
        + " timestamp " + Long.toUnsignedString(timestamp);
  }
}
