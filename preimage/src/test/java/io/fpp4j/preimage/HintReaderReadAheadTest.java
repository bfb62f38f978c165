package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host's hint reader takes a hint's length and a small hint with one read, and keeps bytes of the next frame
 * that came along for the next hint, as they would have stayed in the pipe.
 */
@Timeout(10)
class HintReaderReadAheadTest {
  /** Delivers a fixed byte stream, {@code perRead} bytes at most per read; counts reads and records the acks. */
  private static final class Scripted implements Channel {
    private final byte[] input;
    private final int perRead;
    private int pos;
    int reads;
    final ByteArrayOutputStream acks = new ByteArrayOutputStream();

    Scripted(byte[] input, int perRead) {
      this.input = input;
      this.perRead = perRead;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      reads++;
      if (pos == input.length) return -1;
      int n = Math.min(Math.min(len, perRead), input.length - pos);
      System.arraycopy(input, pos, buf, off, n);
      pos += n;
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      acks.write(buf, off, len);
    }

    @Override
    public void close() {}
  }

  static byte[] frames(String... hints) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String h : hints) {
      byte[] b = h.getBytes(StandardCharsets.UTF_8);
      out.write(b.length >>> 24);
      out.write(b.length >>> 16);
      out.write(b.length >>> 8);
      out.write(b.length);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  @Test
  void aSmallHintTakesOneRead() {
    Scripted ch = new Scripted(frames("l1-block-header 0x" + "ab".repeat(32)), Integer.MAX_VALUE);
    List<String> seen = new ArrayList<>();
    HintReader reader = new HintReader(ch);
    assertThat(reader.nextHint(seen::add)).isTrue();
    assertThat(ch.reads).isEqualTo(1);
    assertThat(seen).containsExactly("l1-block-header 0x" + "ab".repeat(32));
    assertThat(ch.acks.toByteArray()).containsExactly(0);
    assertThat(reader.nextHint(seen::add)).isFalse(); // clean end between frames
  }

  @Test
  void framesThatArriveTogetherAreServedInOrderEachWithItsAck() {
    String big = "x".repeat(10_000); // over the read-ahead buffer: the rest is read straight into the hint
    Scripted ch = new Scripted(frames("a", "", big, "b"), Integer.MAX_VALUE);
    List<String> seen = new ArrayList<>();
    HintReader reader = new HintReader(ch);
    while (reader.nextHint(seen::add)) {
      // until the stream ends
    }
    assertThat(seen).containsExactly("a", "", big, "b");
    assertThat(ch.acks.toByteArray()).containsExactly(0, 0, 0, 0);
    assertThat(reader.hints()).isEqualTo(4);
    assertThat(reader.hintBytes()).isEqualTo(1 + 10_000 + 1);
  }

  @Test
  void fromOneToEightBytesPerReadGivesTheSameHints() {
    byte[] stream = frames("l2-state-node 0x01", "é ünïcode", "x".repeat(5000));
    for (int perRead = 1; perRead <= 8; perRead++) {
      List<String> seen = new ArrayList<>();
      HintReader reader = new HintReader(new Scripted(stream, perRead));
      while (reader.nextHint(seen::add)) {
        // until the stream ends
      }
      assertThat(seen).as("%d bytes per read", perRead).containsExactly("l2-state-node 0x01", "é ünïcode", "x".repeat(5000));
    }
  }

  @Test
  void aFrameCutShortCountsTheBytesThatCameWithTheLength() {
    byte[] whole = frames("hello world");
    byte[] cut = Arrays.copyOf(whole, 4 + 5);
    assertThatThrownBy(() -> new HintReader(new Scripted(cut, Integer.MAX_VALUE)).nextHint(h -> {}))
        .isInstanceOf(ChannelClosedException.class)
        .hasRootCauseInstanceOf(TruncatedReadException.class)
        .hasMessage("channel closed while reading a 11-byte hint: end of stream after 5 of 11 bytes");
    byte[] half = Arrays.copyOf(whole, 2);
    assertThatThrownBy(() -> new HintReader(new Scripted(half, Integer.MAX_VALUE)).nextHint(h -> {}))
        .isInstanceOf(ChannelClosedException.class)
        .hasMessage("client closed the hint channel after 2 of the 4 bytes of a hint length");
  }
}
