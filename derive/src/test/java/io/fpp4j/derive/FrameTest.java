package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {
  static ChannelId id(int b) {
    byte[] id = new byte[16];
    id[15] = (byte) b;
    return new ChannelId(Bytes.adopt(id));
  }

  static Frame frame(int channel, int number, String data, boolean last) {
    return new Frame(id(channel), number, Bytes.adopt(data.getBytes()), last);
  }

  @Test
  void parsesEveryFrameOfATransaction() {
    List<Frame> frames = List.of(frame(1, 0, "abc", false), frame(2, 7, "", true), frame(1, 1, "de", true));
    byte[] tx = Frame.encodeTxData(frames);
    assertThat(tx[0]).isZero();
    assertThat(Frame.parseAll(tx)).isEqualTo(frames);
  }

  @Test
  void encodingFollowsTheSpecLayout() {
    byte[] f = frame(9, 0x0102, "xy", true).encode();
    ByteBuffer b = ByteBuffer.wrap(f);
    assertThat(f).hasSize(16 + 2 + 4 + 2 + 1);
    assertThat(f[15]).isEqualTo((byte) 9);
    assertThat(b.getShort(16)).isEqualTo((short) 0x0102);
    assertThat(b.getInt(18)).isEqualTo(2);
    assertThat(f[f.length - 1]).isEqualTo((byte) 1);
  }

  private static void rejected(byte[] tx, String message) {
    assertThatThrownBy(() -> Frame.parseAll(tx)).isInstanceOf(DerivationException.class).hasMessageContaining(message);
  }

  @Test
  void emptyDataIsRejected() {
    rejected(new byte[0], "empty");
  }

  @Test
  void anUnknownDerivationVersionIsRejected() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "a", true)));
    tx[0] = 1;
    rejected(tx, "derivation version 1");
  }

  @Test
  void aVersionByteAloneIsRejected() {
    rejected(new byte[] {0}, "no frames");
  }

  @Test
  void aTruncatedHeaderIsRejected() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "a", true)));
    rejected(java.util.Arrays.copyOf(tx, 10), "truncated");
  }

  @Test
  void aLengthAboveTheMaximumIsRejected() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "a", true)));
    ByteBuffer.wrap(tx).putInt(1 + 18, Frame.MAX_FRAME_DATA + 1);
    rejected(tx, "above the maximum");
  }

  @Test
  void dataShorterThanItsLengthIsRejected() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "abcd", true)));
    ByteBuffer.wrap(tx).putInt(1 + 18, 40);
    rejected(tx, "declares 40 data bytes");
  }

  @Test
  void anIsLastOtherThanZeroOrOneIsRejected() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "a", true)));
    tx[tx.length - 1] = 2;
    rejected(tx, "is_last 2");
  }

  @Test
  void oneBadFrameRejectsTheWholeTransaction() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "good", false), frame(1, 1, "bad", true)));
    tx[tx.length - 1] = 5;
    rejected(tx, "is_last 5");
  }

  @Test
  void trailingBytesAfterTheLastFrameAreRejected() {
    byte[] tx = Frame.encodeTxData(List.of(frame(1, 0, "a", true)));
    byte[] longer = java.util.Arrays.copyOf(tx, tx.length + 3);
    rejected(longer, "truncated");
  }
}
