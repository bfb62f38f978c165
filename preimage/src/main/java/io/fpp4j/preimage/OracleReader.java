package io.fpp4j.preimage;

import java.io.IOException;

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
 */
public final class OracleReader implements PreimageOracle {
  /** Bytes read at most together with the length prefix; below the JDK's 8 KiB stack buffer for stream reads. */
  static final int READ_BUFFER = 4096;

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

  private int request(PreimageKey key) {
    key.copyTo(keyBuf, 0);
    try {
      channel.write(keyBuf, 0, keyBuf.length);
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
