package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes32;
import java.util.Objects;

/** What derivation needs of an L2 block: its identity, time, L1 origin and position within that origin's epoch. */
public record L2BlockRef(Bytes32 hash, long number, long timestamp, long l1OriginNumber, Bytes32 l1OriginHash,
                         long sequenceNumber) {
  public L2BlockRef {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(l1OriginHash, "l1OriginHash");
  }
}
