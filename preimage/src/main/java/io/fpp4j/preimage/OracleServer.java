package io.fpp4j.preimage;

import java.io.IOException;
import java.util.Arrays;

/**
 * Host side of the preimage channel: reads a 32-byte key, asks a {@link PreimageFetcher}, writes
 * {@code u64be(length) ‖ data}. When the fetcher fails nothing is written for that key, as both peers do: the ABI
 * has no error frame, and the program must see a closed channel rather than a made-up answer.
 *
 * <p>Keys are read through a read-ahead buffer, so a program that sends several keys before reading (as
 * {@link OracleReader#getAll} does) has them taken in one read. While another whole key is already buffered, an
 * answer waits in an output buffer, and the answers go out together once no key is left buffered: the program is
 * then waiting on this side, so nothing is held back from a program that waits, and a program that sends one key
 * at a time gets each answer in its own write, as before. Before the server blocks on a read, and before a
 * failure ends it, everything buffered is written, so that the program gets every answer owed before the failure.
 */
public final class OracleServer {
  /** Answers up to this size go out in one write (header and data together) to save a system call. */
  private static final int SINGLE_WRITE_LIMIT = 64 * 1024;
  /** Buffered answers beyond this many bytes are written without waiting for the buffered keys. */
  private static final int COALESCE_LIMIT = 64 * 1024;

  private final Channel channel;
  private final ReadAhead in;
  private final byte[] keyBuf = new byte[PreimageKey.LENGTH];
  /** Answers not written yet, {@code out[0..outLen)}; grows to the largest batch served. */
  private byte[] out = new byte[8 + 256];
  private int outLen;
  private long requests;
  private long bytesServed;

  public OracleServer(Channel channel) {
    this.channel = channel;
    this.in = new ReadAhead(channel, OracleReader.READ_BUFFER);
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
      if (in.buffered() < PreimageKey.LENGTH) flush(); // the program may be waiting for these answers
      in.fill(PreimageKey.LENGTH);
    } catch (TruncatedReadException e) {
      if (e.received() == 0) return false;
      throw new ChannelClosedException("client closed the preimage channel after " + e.received()
          + " of the 32 bytes of a key", e);
    } catch (IOException e) {
      throw Frames.ioFailure("reading a preimage key", e);
    }
    System.arraycopy(in.array(), in.position(), keyBuf, 0, PreimageKey.LENGTH);
    in.skip(PreimageKey.LENGTH);
    PreimageKey key;
    byte[] data;
    try {
      key = PreimageKey.of(keyBuf);
      data = fetch(fetcher, key);
    } catch (RuntimeException e) {
      flushQuietly(); // the answers owed before the failure still go out
      throw e;
    }
    try {
      if (data.length <= SINGLE_WRITE_LIMIT) {
        if (out.length < outLen + 8 + data.length) out = Arrays.copyOf(out, Math.max(2 * out.length, outLen + 8 + data.length));
        Frames.putU64(out, outLen, data.length);
        System.arraycopy(data, 0, out, outLen + 8, data.length);
        outLen += 8 + data.length;
        if (in.buffered() < PreimageKey.LENGTH || outLen >= COALESCE_LIMIT) flush();
      } else {
        flush();
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

  /** The fetcher's answer, never null; any failure as a {@link PreimageOracleException} naming the key. */
  private static byte[] fetch(PreimageFetcher fetcher, PreimageKey key) {
    byte[] data;
    try {
      data = fetcher.getPreimage(key);
    } catch (PreimageOracleException e) {
      throw e;
    } catch (Exception e) {
      throw new PreimageOracleException("failed to serve preimage " + key + ": " + e.getMessage(), e);
    }
    if (data == null) throw new KeyNotFoundException("no preimage for key " + key + " (the fetcher returned null)");
    return data;
  }

  private void flush() throws IOException {
    if (outLen == 0) return;
    int n = outLen;
    outLen = 0;
    channel.write(out, 0, n);
  }

  /** Before a failure ends the session: the answers already owed go out if they can; the failure is what counts. */
  private void flushQuietly() {
    try {
      flush();
    } catch (IOException | RuntimeException ignored) {
      // the channel is failing too; the fetcher's failure is the one to report
    }
  }

  public long requests() {
    return requests;
  }

  public long bytesServed() {
    return bytesServed;
  }
}
