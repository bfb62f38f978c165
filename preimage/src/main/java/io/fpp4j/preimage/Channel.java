package io.fpp4j.preimage;

import java.io.IOException;

/**
 * One side of a bidirectional byte stream between a fault-proof program and its host. A stream, not a
 * message queue: one {@link #write} may arrive in several reads and several writes in one read, and an
 * FPVM hands over at most a machine word per read, so callers use {@link #readFully}.
 *
 * <p>{@link #write} writes every byte and makes it visible to the peer before returning (no buffering
 * left behind), since every frame is followed by a blocking read of the answer.
 */
public interface Channel extends AutoCloseable {
  /** Reads up to {@code len} bytes; returns the count (at least 1 when {@code len > 0}) or -1 at end of stream. */
  int read(byte[] buf, int off, int len) throws IOException;

  /** Writes all {@code len} bytes and hands them to the peer. */
  void write(byte[] buf, int off, int len) throws IOException;

  /** Closes both directions; a peer blocked in {@link #read} sees end of stream. */
  @Override
  void close() throws IOException;

  /**
   * Reads exactly {@code len} bytes, looping over short reads.
   *
   * @throws TruncatedReadException (unchecked) if the stream ends first; it says how many bytes did arrive
   * @throws IOException if a read fails
   */
  default void readFully(byte[] buf, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = read(buf, off + done, len - done);
      if (n < 0) throw new TruncatedReadException(done, len);
      done += n;
    }
  }

  default void write(byte[] buf) throws IOException {
    write(buf, 0, buf.length);
  }
}
