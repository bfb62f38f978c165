package io.fpp4j.preimage;

import java.io.IOException;
import java.util.List;

/**
 * Client side of the preimage channel: writes a 32-byte key, reads {@code u64be(length) ‖ data}. Requests are
 * serialized, since the wire has no request ids.
 *
 * <p>The length is read into a small buffer with one read that may also bring (part of) the data: for a small
 * preimage that saves a system call per request, a measurable part of a round trip across processes. This never
 * asks for a byte the host was not asked to send: a read returns what has arrived, the host writes only the
 * answer to the one outstanding request, and no read is issued once the announced length is complete (on an
 * FPVM, reading past the end of a preimage is what must not happen). Should a faulty host send more than it
 * announced, the extra bytes stay buffered and are read as the start of the next answer, exactly as they would
 * be read from the pipe.
 *
 * <p>{@link #getAll} pipelines: it sends up to {@link #PIPELINE_DEPTH} keys before reading their answers, which a
 * host reading keys from a stream answers in order, as every host does (op-program's, Kona's, fpp4j's). It still
 * reads only answers to keys it sent. It assumes a stream, so it is not for a channel that an FPVM backs, where a
 * key written replaces the one before it.
 */
public final class OracleReader implements PreimageOracle {
  /** Bytes read at most together with the length prefix; below the JDK's 8 KiB stack buffer for stream reads. */
  static final int READ_BUFFER = 4096;

  /**
   * Keys {@link #getAll} has sent at most before reading their answers: 4 KiB of keys, what a pipe holds even
   * at its smallest (one page). A host that stops reading keys while it writes a large answer can then never
   * leave both sides blocked on a write. Sent in two halves, so that the host has the next half while the
   * program reads the answers to the last.
   */
  static final int PIPELINE_DEPTH = 128;

  private final Channel channel;
  private final PreimageLimits limits;
  private final byte[] keyBuf = new byte[PreimageKey.LENGTH];
  private final ReadAhead in;

  public OracleReader(Channel channel) {
    this(channel, PreimageLimits.DEFAULT);
  }

  public OracleReader(Channel channel, PreimageLimits limits) {
    this.channel = channel;
    this.limits = limits;
    this.in = new ReadAhead(channel, READ_BUFFER);
  }

  @Override
  public synchronized byte[] get(PreimageKey key) {
    int len = request(key);
    byte[] data = new byte[len];
    readData(key, data, len);
    return data;
  }

  @Override
  public synchronized void getExact(PreimageKey key, byte[] buf) {
    int len = request(key);
    if (len != buf.length) {
      // Drain the announced bytes so the stream stays in step and the reader stays usable.
      readData(key, new byte[len], len);
      throw new BufferLengthMismatchException(
          "preimage " + key + " is " + len + " bytes, but the caller's buffer is " + buf.length);
    }
    readData(key, buf, len);
  }

  @Override
  public synchronized List<byte[]> getAll(List<PreimageKey> keys) {
    int half = PIPELINE_DEPTH / 2;
    byte[] batch = new byte[half * PreimageKey.LENGTH];
    byte[][] out = new byte[keys.size()][];
    int sent = 0;
    IOException sendFailure = null;
    for (int i = 0; i < out.length; i++) {
      // At every half-window boundary top the keys in flight back up to the full window.
      while (i % half == 0 && sendFailure == null && sent < out.length && sent - i < PIPELINE_DEPTH) {
        int n = Math.min(half, out.length - sent);
        for (int j = 0; j < n; j++) keys.get(sent + j).copyTo(batch, j * PreimageKey.LENGTH);
        try {
          channel.write(batch, 0, n * PreimageKey.LENGTH);
          sent += n;
        } catch (IOException e) {
          // A host that stopped at an earlier key may have answered the keys before it: read those first, so that
          // the failure names the key the host stopped at.
          sendFailure = e;
        }
      }
      PreimageKey key = keys.get(i);
      if (i == sent) throw Frames.ioFailure("requesting preimage " + key, sendFailure);
      try {
        int len = readLength(key);
        out[i] = new byte[len];
        readData(key, out[i], len);
      } catch (PreimageChannelException e) {
        if (sendFailure != null) e.addSuppressed(sendFailure);
        throw e;
      }
    }
    return List.of(out);
  }

  private int request(PreimageKey key) {
    key.copyTo(keyBuf, 0);
    try {
      channel.write(keyBuf, 0, keyBuf.length);
    } catch (IOException e) {
      throw Frames.ioFailure("requesting preimage " + key, e);
    }
    return readLength(key);
  }

  /** The answer's length prefix, checked against the limit. */
  private int readLength(PreimageKey key) {
    try {
      in.fill(8);
    } catch (IOException | TruncatedReadException e) {
      throw Frames.ioFailure("requesting preimage " + key, e);
    }
    long len = Frames.u64(in.array(), in.position());
    in.skip(8);
    if (len < 0 || len > limits.maxPreimageBytes()) {
      throw new FrameTooLargeException("host announced a preimage of " + Long.toUnsignedString(len) + " bytes for "
          + key + ", over the limit of " + limits.maxPreimageBytes() + " bytes");
    }
    return (int) len;
  }

  /** The announced data: the part that came with the length, then the rest straight into {@code dst}. */
  private void readData(PreimageKey key, byte[] dst, int len) {
    try {
      in.readFully(dst, 0, len);
    } catch (IOException | TruncatedReadException e) {
      throw Frames.ioFailure("reading the " + len + "-byte preimage of " + key, e);
    }
  }
}
