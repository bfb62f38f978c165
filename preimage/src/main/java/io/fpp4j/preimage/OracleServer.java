package io.fpp4j.preimage;

import java.io.IOException;

/**
 * Host side of the preimage channel: reads a 32-byte key, asks a {@link PreimageFetcher}, writes
 * {@code u64be(length) ‖ data}. When the fetcher fails nothing is written, as both peers do: the ABI has
 * no error frame, and the program must see a closed channel rather than a made-up answer.
 */
public final class OracleServer {
  /** Answers up to this size go out in one write (header and data together) to save a system call. */
  private static final int SINGLE_WRITE_LIMIT = 64 * 1024;

  private final Channel channel;
  private final byte[] keyBuf = new byte[PreimageKey.LENGTH];
  /** Reused for every answer up to {@link #SINGLE_WRITE_LIMIT}; grows to the largest such answer served. */
  private byte[] frame = new byte[8 + 256];
  private long requests;
  private long bytesServed;

  public OracleServer(Channel channel) {
    this.channel = channel;
  }

  /**
   * Serves one request.
   *
   * @return false if the client closed the channel before sending a key (the normal end)
   * @throws ChannelClosedException if the channel ended inside a key
   * @throws InvalidPreimageKeyException if the key's type byte is not 1..6
   * @throws PreimageOracleException if the fetcher failed; the message names the key
   */
  public boolean nextPreimageRequest(PreimageFetcher fetcher) {
    try {
      channel.readFully(keyBuf, 0, keyBuf.length);
    } catch (TruncatedReadException e) {
      if (e.received() == 0) return false;
      throw new ChannelClosedException("client closed the preimage channel after " + e.received()
          + " of the 32 bytes of a key", e);
    } catch (IOException e) {
      throw Frames.ioFailure("reading a preimage key", e);
    }
    PreimageKey key = PreimageKey.of(keyBuf);
    byte[] data;
    try {
      data = fetcher.getPreimage(key);
    } catch (PreimageOracleException e) {
      throw e;
    } catch (Exception e) {
      throw new PreimageOracleException("failed to serve preimage " + key + ": " + e.getMessage(), e);
    }
    if (data == null) throw new KeyNotFoundException("no preimage for key " + key + " (the fetcher returned null)");
    try {
      if (data.length <= SINGLE_WRITE_LIMIT) {
        if (frame.length < 8 + data.length) frame = new byte[8 + data.length];
        Frames.putU64(frame, 0, data.length);
        System.arraycopy(data, 0, frame, 8, data.length);
        channel.write(frame, 0, 8 + data.length);
      } else {
        byte[] header = new byte[8];
        Frames.putU64(header, 0, data.length);
        channel.write(header, 0, 8);
        channel.write(data, 0, data.length);
      }
    } catch (IOException e) {
      throw Frames.ioFailure("writing the " + data.length + "-byte preimage of " + key, e);
    }
    requests++;
    bytesServed += data.length;
    return true;
  }

  public long requests() {
    return requests;
  }

  public long bytesServed() {
    return bytesServed;
  }
}
