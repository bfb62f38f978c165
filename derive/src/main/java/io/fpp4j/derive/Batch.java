package io.fpp4j.derive;

/** A batch read from a channel: one L2 block's ({@link SingularBatch}) or several's ({@link SpanBatch}). */
public sealed interface Batch permits SingularBatch, SpanBatch {
  int SINGULAR_TYPE = 0;
  int SPAN_TYPE = 1;

  /** Decodes a batch by its type byte. @throws DerivationException if the encoding is invalid */
  static Batch decode(byte[] data, long l2ChainId) {
    if (data.length == 0) throw new DerivationException("batch is empty");
    return switch (data[0]) {
      case SINGULAR_TYPE -> SingularBatch.decode(data);
      case SPAN_TYPE -> SpanBatch.decode(data, l2ChainId);
      default -> throw new DerivationException("batch type " + (data[0] & 0xff) + " is unknown");
    };
  }
}
