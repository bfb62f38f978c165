package io.fpp4j.preimage;

import java.io.IOException;

/**
 * Bytes read from a channel ahead of use, so that one {@code read} can bring a frame's length prefix together
 * with a small body: a peer that writes a frame in one write is then read in one system call instead of two.
 * Bytes past the frame stay buffered for the next frame, exactly as they would have stayed in the pipe.
 * Not for concurrent use.
 */
final class ReadAhead {
  private final Channel channel;
  private final byte[] buf;
  private int pos; // buf[pos..lim) holds bytes read but not yet consumed
  private int lim;

  ReadAhead(Channel channel, int size) {
    this.channel = channel;
    this.buf = new byte[size];
  }

  /**
   * Reads until at least {@code n} bytes (at most the buffer's size) are buffered.
   *
   * @throws TruncatedReadException if the stream ends first; {@code received()} counts the bytes buffered
   */
  void fill(int n) throws IOException {
    if (lim - pos >= n) return;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    while (lim < n) {
      int r = channel.read(buf, lim, buf.length - lim);
      if (r < 0) throw new TruncatedReadException(lim, n);
      lim += r;
    }
  }

  /** Bytes read from the channel and not consumed yet. */
  int buffered() {
    return lim - pos;
  }

  /** The buffer; {@link #position()} is where the unconsumed bytes start. */
  byte[] array() {
    return buf;
  }

  int position() {
    return pos;
  }

  void skip(int n) {
    pos += n;
  }

  /**
   * Moves the buffered bytes (up to {@code len}) into {@code dst}, then reads the rest straight into it.
   *
   * @throws TruncatedReadException if the stream ends first; {@code received()} counts the buffered bytes too
   */
  void readFully(byte[] dst, int off, int len) throws IOException {
    int buffered = Math.min(lim - pos, len);
    System.arraycopy(buf, pos, dst, off, buffered);
    pos += buffered;
    if (pos == lim) {
      pos = 0;
      lim = 0;
    }
    try {
      channel.readFully(dst, off + buffered, len - buffered);
    } catch (TruncatedReadException e) {
      TruncatedReadException whole = new TruncatedReadException(buffered + e.received(), len);
      whole.initCause(e);
      throw whole;
    }
  }
}
