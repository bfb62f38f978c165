package io.fpp4j.preimage;

import java.util.ArrayList;
import java.util.List;

/** The client's view of the preimage channel (kona-preimage {@code PreimageOracleClient}). */
public interface PreimageOracle {
  /** The preimage of {@code key}. */
  byte[] get(PreimageKey key);

  /**
   * Reads the preimage of {@code key} into {@code buf}, whose length must equal the preimage's.
   *
   * @throws BufferLengthMismatchException if the host announces another length
   */
  void getExact(PreimageKey key, byte[] buf);

  /**
   * The preimages of {@code keys}, in order: what a {@link #get} of each, one after the other, would return.
   * For keys known up front, such as a blob's 4,096 field elements. An oracle over a byte stream may send
   * several keys before it reads their answers (the wire answers in order), which saves the round trip per key
   * that waiting for each answer costs; this default asks one key at a time.
   */
  default List<byte[]> getAll(List<PreimageKey> keys) {
    List<byte[]> out = new ArrayList<>(keys.size());
    for (PreimageKey key : keys) out.add(get(key));
    return out;
  }
}
