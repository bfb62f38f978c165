package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader takes the length prefix with one read that may bring data along. It must save the second read for
 * a small answer, never ask for bytes after the announced frame, and treat bytes a faulty host sent beyond the
 * frame exactly as reading them from the pipe would.
 */
@Timeout(10)
class OracleReaderReadAheadTest {

  /** Answers every key with {@code frames.get(i)} for the i-th key, delivering at most 8 bytes per read as an
   * FPVM does, and fails the test if the reader asks for a byte after the current answer was fully delivered. */
  private static final class FpvmLikeChannel implements Channel {
    private final List<byte[]> frames;
    private int next;
    private byte[] current = new byte[0];
    private int delivered;
    int reads;

    FpvmLikeChannel(List<byte[]> frames) {
      this.frames = frames;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      reads++;
      if (delivered == current.length) throw new AssertionError("read past the end of the answer (" + len + " bytes asked)");
      int n = Math.min(Math.min(len, 8), current.length - delivered);
      System.arraycopy(current, delivered, buf, off, n);
      delivered += n;
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      assertThat(len).isEqualTo(32);
      assertThat(delivered).as("previous answer fully read").isEqualTo(current.length);
      current = frames.get(next++);
      delivered = 0;
    }

    @Override
    public void close() {}
  }

  private static byte[] frame(byte[] data) {
    byte[] f = new byte[8 + data.length];
    Frames.putU64(f, 0, data.length);
    System.arraycopy(data, 0, f, 8, data.length);
    return f;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 100, OracleReader.READ_BUFFER - 8, OracleReader.READ_BUFFER, 10_000})
  void neverReadsPastTheAnnouncedFrame(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) data[i] = (byte) (i * 7 + 1);
    FpvmLikeChannel channel = new FpvmLikeChannel(List.of(frame(data), frame(data), frame(new byte[] {42})));
    OracleReader reader = new OracleReader(channel);
    assertThat(reader.get(PreimageKey.local(1))).isEqualTo(data);
    byte[] exact = new byte[size];
    reader.getExact(PreimageKey.local(2), exact);
    assertThat(exact).isEqualTo(data);
    assertThat(reader.get(PreimageKey.local(3))).containsExactly(42);
    // 8 bytes per read at most: the reader asked exactly as often as the three frames need, no more.
    assertThat(channel.reads).isEqualTo(2 * ((8 + size + 7) / 8) + 2);
  }

  @Test
  void smallAnswerComesWithItsLengthInOneRead() throws Exception {
    byte[] value = new byte[100];
    try (ChannelPair pair = Channels.osPipePair()) {
      OracleServer server = new OracleServer(pair.host());
      CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
        while (server.nextPreimageRequest(k -> value)) {
          // serve until the client closes
        }
      });
      AtomicInteger reads = new AtomicInteger();
      Channel counting = new Channel() {
        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          reads.incrementAndGet();
          return pair.client().read(buf, off, len);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
          pair.client().write(buf, off, len);
        }

        @Override
        public void close() throws IOException {
          pair.client().close();
        }
      };
      OracleReader reader = new OracleReader(counting);
      for (int i = 0; i < 5; i++) assertThat(reader.get(PreimageKey.local(1))).isEqualTo(value);
      // The server writes length and data with one write, which a pipe delivers whole to one read.
      assertThat(reads.get()).isEqualTo(5);
      counting.close();
      serving.get();
    }
  }

  @Test
  void bytesBeyondTheFrameAreReadAsTheNextAnswerAsFromThePipe() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
        try {
          byte[] key = new byte[32];
          pair.host().readFully(key, 0, 32);
          // A faulty host answers the first key with two frames at once, and the second key with nothing.
          pair.host().write(Hex.decode("0000000000000002" + "abcd" + "0000000000000003" + "010203"));
          pair.host().readFully(key, 0, 32);
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      OracleReader reader = new OracleReader(pair.client());
      List<byte[]> got = new ArrayList<>();
      got.add(reader.get(PreimageKey.local(1)));
      got.add(reader.get(PreimageKey.local(2)));
      assertThat(got).containsExactly(Hex.decode("abcd"), Hex.decode("010203"));
      host.get();
    }
  }
}
