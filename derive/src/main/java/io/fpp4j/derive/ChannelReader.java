package io.fpp4j.derive;

import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Turns a channel's data into batches (derivation spec, "Channel Format"; Fjord's "Brotli Channel Compression"):
 * the data is compressed, zlib (RFC 1950, recognised by its compression method nibble 8 or 15) or, from Fjord,
 * brotli after a version byte {@code 0x01}; decompressed, it is a sequence of RLP byte strings, each a batch.
 * At most {@link #maxRlpBytesPerChannel} decompressed bytes are read; what lies beyond is ignored.
 */
public final class ChannelReader {
  public static final long MAX_RLP_BYTES_PER_CHANNEL_BEDROCK = 10_000_000L;
  public static final long MAX_RLP_BYTES_PER_CHANNEL_FJORD = 100_000_000L;
  /** Fjord's channel version byte for brotli. */
  public static final int BROTLI_VERSION = 0x01;

  private ChannelReader() {}

  /** The decompressed-size limit for a channel read at this L1 time (Fjord raised it tenfold). */
  public static long maxRlpBytesPerChannel(RollupConfig config, long l1Time) {
    return config.isActive(Hardfork.FJORD, l1Time) ? MAX_RLP_BYTES_PER_CHANNEL_FJORD : MAX_RLP_BYTES_PER_CHANNEL_BEDROCK;
  }

  /**
   * The decompressed channel, cut at {@code limit} bytes.
   *
   * @param fjord whether brotli is allowed
   * @throws DerivationException for an unknown compression, or a stream that fails to decompress before the limit
   */
  public static byte[] decompress(byte[] channel, boolean fjord, long limit) {
    if (channel.length == 0) throw new DerivationException("channel is empty");
    int first = channel[0] & 0xff;
    InputStream in;
    if ((first & 0x0f) == 8 || (first & 0x0f) == 15) {
      in = new InflaterInputStream(new ByteArrayInputStream(channel), new Inflater(false));
    } else if (fjord && first == BROTLI_VERSION) {
      try {
        in = new BrotliInputStream(new ByteArrayInputStream(channel, 1, channel.length - 1));
      } catch (IOException e) {
        throw new DerivationException("channel's brotli stream does not start: " + e.getMessage(), e);
      }
    } else {
      throw new DerivationException(String.format("channel compression byte 0x%02x is unknown%s", first,
          fjord ? " (zlib or brotli 0x01)" : " (zlib only before Fjord)"));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    try (in) {
      while (out.size() < limit) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, limit - out.size()));
        if (n < 0) break;
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // A truncated or corrupt stream still yields the batches decoded before the fault (op-node and Kona read
      // batches until the reader errors); they are returned with what decompressed.
      if (out.size() == 0) throw new DerivationException("channel does not decompress: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The batches' encodings in a decompressed channel: each RLP byte string in order. A malformed or truncated item ends
   * the channel (the batches before it are kept), as the readers of both peers stop at the first error.
   */
  public static List<byte[]> batchesOf(byte[] decompressed) {
    List<byte[]> out = new ArrayList<>();
    RlpReader r = RlpReader.of(decompressed);
    while (r.hasNext()) {
      try {
        if (r.nextIsList("batch")) break;
        out.add(r.readBytes("batch"));
      } catch (RlpException e) {
        break;
      }
    }
    return out;
  }

  /** Decompresses and splits a channel read at L1 time {@code l1Time}. */
  public static List<byte[]> read(RollupConfig config, byte[] channel, long l1Time) {
    return batchesOf(decompress(channel, config.isActive(Hardfork.FJORD, l1Time), maxRlpBytesPerChannel(config, l1Time)));
  }
}
