package io.fpp4j.proof.hint;

import io.fpp4j.preimage.Hinter;
import io.fpp4j.primitives.Hex;
import java.util.OptionalLong;

/**
 * One hint of the catalogue of both dialects, as a value. {@link #encode()} gives the exact wire text
 * {@code <name> 0x<lowercase hex>}; {@link Hints#parse} turns the text back into the same value.
 */
public sealed interface Hint
    permits HashHint, ChainHashHint, BlobHint, PrecompileHint, KonaAccountProofHint, OpProgramAccountProofHint,
        StorageProofHint, KonaPayloadWitnessHint, OpProgramPayloadWitnessHint, BlockDataHint {

  HintType type();

  /** The argument bytes, laid out as the peer of this hint's form expects (a fresh array). */
  byte[] data();

  /** {@code <name> 0x<lowercase hex of data>}, the text a client writes on the hint channel. */
  default String encode() {
    return type().wireName() + " 0x" + Hex.encode(data());
  }

  /**
   * Writes this hint on {@code hinter}'s channel as {@link #encode()} and returns once the host acknowledged
   * it, so that no caller builds hint text of its own.
   */
  default void sendTo(Hinter hinter) {
    hinter.hint(encode());
  }

  /**
   * The L2 chain this hint names, whatever its form calls the field; empty for L1 hints and for the
   * single-chain forms without one. A host serving several chains routes the hint by it.
   */
  default OptionalLong l2ChainId() {
    return OptionalLong.empty();
  }

  /** The same hint as name and bytes. */
  default RawHint raw() {
    return new RawHint(type().wireName(), data());
  }
}
