package io.fpp4j.preimage;

import java.io.IOException;

/** Big-endian helpers and error mapping shared by the four frame codecs. */
final class Frames {
  private Frames() {}

  static long u64(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xffL);
    return v;
  }

  static void putU64(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  static long u32(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
  }

  static void putU32(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  /**
   * Maps a failure of the channel while doing {@code what} (an {@link IOException}, or the
   * {@link TruncatedReadException} of a stream that ended) to a {@link PreimageChannelException} naming it.
   */
  static PreimageChannelException ioFailure(String what, Exception e) {
    if (e instanceof TruncatedReadException t) {
      return new ChannelClosedException("channel closed while " + what + ": " + t.getMessage(), e);
    }
    String msg = String.valueOf(e.getMessage());
    if (msg.toLowerCase(java.util.Locale.ROOT).contains("broken pipe")) {
      return new ChannelClosedException("peer closed the channel while " + what + ": " + msg, e);
    }
    return new PreimageChannelException("I/O error while " + what + ": " + e.getMessage(), e);
  }
}
