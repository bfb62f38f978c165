package io.fpp4j.derive;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A channel being assembled from frames (derivation spec, "Channel Bank"): frames may arrive out of order; the
 * channel is ready once its closing frame and every frame before it are in. Mutable, owned by one bank.
 */
public final class Channel {
  /** What each frame adds to a channel's size for the bank's limit, beyond its data (spec constant). */
  public static final int FRAME_OVERHEAD = 200;

  private final ChannelId id;
  private final long openBlock;
  private final TreeMap<Integer, Frame> frames = new TreeMap<>();
  private int endFrame = -1;
  private long size;

  /** A channel first seen in L1 block {@code openBlock}. */
  public Channel(ChannelId id, long openBlock) {
    this.id = Objects.requireNonNull(id, "id");
    this.openBlock = openBlock;
  }

  public ChannelId id() {
    return id;
  }

  public long openBlock() {
    return openBlock;
  }

  public boolean isClosed() {
    return endFrame >= 0;
  }

  /** Frames' data plus {@link #FRAME_OVERHEAD} each. */
  public long size() {
    return size;
  }

  public int frameCount() {
    return frames.size();
  }

  /** Whether this channel timed out when the bank is at L1 block {@code l1Number} with {@code timeout}. */
  public boolean isTimedOut(long l1Number, long timeout) {
    return openBlock + timeout < l1Number;
  }

  /**
   * Adds a frame.
   *
   * @throws DerivationException if the frame must be dropped: another channel's, a duplicate number, a second closing
   *     frame, or a number past the closing frame
   */
  public void add(Frame frame) {
    if (!frame.channelId().equals(id)) throw new DerivationException("frame of channel " + frame.channelId() + " offered to channel " + id);
    if (frames.containsKey(frame.number())) {
      throw new DerivationException("channel " + id + " already has frame " + frame.number());
    }
    if (isClosed() && frame.isLast()) {
      throw new DerivationException("channel " + id + " is already closed by frame " + endFrame + "; frame " + frame.number() + " closes it again");
    }
    if (isClosed() && frame.number() > endFrame) {
      throw new DerivationException("frame " + frame.number() + " of channel " + id + " is past its closing frame " + endFrame);
    }
    if (frame.isLast()) {
      endFrame = frame.number();
      // Frames already received beyond the new end are not part of the channel.
      while (!frames.isEmpty() && frames.lastKey() > endFrame) size -= sizeOf(frames.pollLastEntry().getValue());
    }
    frames.put(frame.number(), frame);
    size += sizeOf(frame);
  }

  /** Closed, with every frame from 0 to the closing one. */
  public boolean isReady() {
    return isClosed() && frames.size() == endFrame + 1;
  }

  /** The frames' data joined in order. @throws IllegalStateException if not ready */
  public byte[] data() {
    if (!isReady()) throw new IllegalStateException("channel " + id + " is not ready");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Frame f : frames.values()) out.writeBytes(f.data().toArray());
    return out.toByteArray();
  }

  private static long sizeOf(Frame f) {
    return f.data().length() + FRAME_OVERHEAD;
  }
}
