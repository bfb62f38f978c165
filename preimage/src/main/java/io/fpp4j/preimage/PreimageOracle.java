package io.fpp4j.preimage;

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
}
