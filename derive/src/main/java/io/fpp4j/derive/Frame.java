package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of a channel, as the batcher posts it (derivation spec, "Frame Format"):
 * {@code channel_id (16) ‖ frame_number (u16) ‖ frame_data_length (u32) ‖ frame_data ‖ is_last (0 or 1)}.
 */
public record Frame(ChannelId channelId, int number, Bytes data, boolean isLast) {
  /** Frames carry at most this much data; a longer length field makes the frame, and its transaction, invalid. */
  public static final int MAX_FRAME_DATA = 1_000_000;
  /** The only derivation version: the first byte of a batcher transaction's data. */
  public static final int DERIVATION_VERSION_0 = 0;
  /** The fixed bytes around the data: id, number, length and is_last. */
  public static final int OVERHEAD = 16 + 2 + 4 + 1;

  public Frame {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(data, "data");
    if (number < 0 || number > 0xffff) throw new IllegalArgumentException("frame number must fit in u16, got " + number);
    if (data.length() > MAX_FRAME_DATA) {
      throw new IllegalArgumentException("frame data is " + data.length() + " bytes; at most " + MAX_FRAME_DATA + " allowed");
    }
  }

  /**
   * The frames of one batcher transaction's data: version byte 0, then one or more frames filling the rest exactly.
   * If any frame is malformed, the whole transaction's frames are dropped (the spec's rule), so this either returns
   * every frame or throws.
   *
   * @throws DerivationException naming the offset and rule of the first malformed frame
   */
  public static List<Frame> parseAll(byte[] txData) {
    if (txData.length == 0) throw new DerivationException("batcher transaction data is empty");
    if (txData[0] != DERIVATION_VERSION_0) {
      throw new DerivationException("batcher transaction has derivation version " + (txData[0] & 0xff) + "; only 0 exists");
    }
    List<Frame> frames = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(txData, 1, txData.length - 1);
    if (!in.hasRemaining()) throw new DerivationException("batcher transaction holds no frames");
    while (in.hasRemaining()) frames.add(parse(in));
    return frames;
  }

  private static Frame parse(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() < 16 + 2 + 4) {
      throw new DerivationException("frame at offset " + start + " is truncated: " + in.remaining() + " bytes left, its header needs 22");
    }
    byte[] id = new byte[16];
    in.get(id);
    int number = in.getShort() & 0xffff;
    long length = in.getInt() & 0xffffffffL;
    if (length > MAX_FRAME_DATA) {
      throw new DerivationException("frame at offset " + start + " declares " + length + " data bytes, above the maximum " + MAX_FRAME_DATA);
    }
    if (in.remaining() < length + 1) {
      throw new DerivationException("frame at offset " + start + " declares " + length + " data bytes but only "
          + Math.max(0, in.remaining() - 1) + " follow with its is_last byte");
    }
    byte[] data = new byte[(int) length];
    in.get(data);
    int isLast = in.get() & 0xff;
    if (isLast > 1) throw new DerivationException("frame at offset " + start + " has is_last " + isLast + "; it must be 0 or 1");
    return new Frame(new ChannelId(Bytes.adopt(id)), number, Bytes.adopt(data), isLast == 1);
  }

  /** The frame's encoding (without the transaction's version byte). */
  public byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(OVERHEAD + data.length());
    out.put(channelId.bytes().toArray()).putShort((short) number).putInt(data.length()).put(data.toArray())
        .put((byte) (isLast ? 1 : 0));
    return out.array();
  }

  /** Batcher transaction data carrying {@code frames}. */
  public static byte[] encodeTxData(List<Frame> frames) {
    int size = 1;
    for (Frame f : frames) size += OVERHEAD + f.data().length();
    ByteBuffer out = ByteBuffer.allocate(size).put((byte) DERIVATION_VERSION_0);
    for (Frame f : frames) out.put(f.encode());
    return out.array();
  }
}
