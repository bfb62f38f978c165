package io.fpp4j.proof.blob;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import java.util.Objects;

/** A blob read through the oracle: its versioned hash, its 48-byte KZG commitment and its 131,072 bytes. */
public record Blob(Bytes32 versionedHash, Bytes commitment, Bytes data) {
  public static final int BYTES_PER_FIELD_ELEMENT = 32;
  public static final int BYTES = RootsOfUnity.FIELD_ELEMENTS_PER_BLOB * BYTES_PER_FIELD_ELEMENT;

  public Blob {
    Objects.requireNonNull(versionedHash, "versionedHash");
    if (commitment.length() != 48) throw new IllegalArgumentException("commitment must be 48 bytes, got " + commitment.length());
    if (data.length() != BYTES) throw new IllegalArgumentException("blob must be " + BYTES + " bytes, got " + data.length());
  }

  /** Field element {@code i} (32 bytes). */
  public byte[] fieldElement(int i) {
    byte[] out = new byte[BYTES_PER_FIELD_ELEMENT];
    System.arraycopy(data.unsafeArray(), i * BYTES_PER_FIELD_ELEMENT, out, 0, BYTES_PER_FIELD_ELEMENT);
    return out;
  }
}
