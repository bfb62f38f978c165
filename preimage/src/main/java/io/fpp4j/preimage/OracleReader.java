package io.fpp4j.preimage;

import java.io.IOException;

/**
 * Client side of the preimage channel: writes a 32-byte key, reads {@code u64be(length) ‖ data}. Never reads
 * past the announced length (an FPVM treats that as a fault). Requests are serialized, since the wire has
 * no request ids.
 */
public final class OracleReader implements PreimageOracle {
  private final Channel channel;
  private final PreimageLimits limits;
  private final byte[] header = new byte[8];

  public OracleReader(Channel channel) {
    this(channel, PreimageLimits.DEFAULT);
  }

  public OracleReader(Channel channel, PreimageLimits limits) {
    this.channel = channel;
    this.limits = limits;
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
    byte[] k = new byte[PreimageKey.LENGTH];
    key.copyTo(k, 0);
    try {
      channel.write(k, 0, k.length);
      channel.readFully(header, 0, 8);
    } catch (IOException e) {
      throw Frames.ioFailure("requesting preimage " + key, e);
    }
    long len = Frames.u64(header, 0);
    if (len < 0 || len > limits.maxPreimageBytes()) {
      throw new FrameTooLargeException("host announced a preimage of " + Long.toUnsignedString(len) + " bytes for "
          + key + ", over the limit of " + limits.maxPreimageBytes() + " bytes");
    }
    return (int) len;
  }

  private void readData(PreimageKey key, byte[] buf, int len) {
    try {
      channel.readFully(buf, 0, len);
    } catch (IOException e) {
      throw Frames.ioFailure("reading the " + len + "-byte preimage of " + key, e);
    }
  }
}
