package io.fpp4j.derive;

import io.fpp4j.proof.boot.RollupConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Holocene's channel stage (Holocene derivation spec): one channel at a time, its frames strictly in order.
 *
 * <ul>
 *   <li>A frame 0 of another channel replaces the channel being built (which is dropped); any other frame of another
 *       channel is dropped.
 *   <li>A frame whose number is not the previous one plus one is dropped, as is every frame while no channel is open
 *       unless it is a frame 0.
 *   <li>A channel that times out, or grows above the channel's maximum RLP size, is dropped.
 *   <li>A closing frame completes the channel, which is handed on at once.
 * </ul>
 */
public final class HoloceneChannelAssembler {
  private final RollupConfig config;
  private final Consumer<String> dropLog;
  private Channel current;

  public HoloceneChannelAssembler(RollupConfig config, Consumer<String> dropLog) {
    this.config = Objects.requireNonNull(config, "config");
    this.dropLog = Objects.requireNonNull(dropLog, "dropLog");
  }

  /** Adds a frame from L1 block {@code l1Number}; returns the channel's data when this frame completes it. */
  public Optional<byte[]> ingest(Frame frame, long l1Number, long l1Time) {
    if (current != null && current.isTimedOut(l1Number, config.channelTimeout(l1Time))) {
      dropLog.accept("channel " + current.id() + " timed out (opened in L1 block " + current.openBlock() + ")");
      current = null;
    }
    if (current == null || !current.id().equals(frame.channelId())) {
      if (frame.number() != 0) {
        dropLog.accept("frame " + frame.number() + " of channel " + frame.channelId() + " does not start a channel");
        return Optional.empty();
      }
      if (current != null) dropLog.accept("channel " + current.id() + " replaced, unfinished, by channel " + frame.channelId());
      current = new Channel(frame.channelId(), l1Number);
    } else if (frame.number() != current.frameCount()) {
      dropLog.accept("frame " + frame.number() + " of channel " + frame.channelId() + " is out of order: expected " + current.frameCount());
      return Optional.empty();
    }
    current.add(frame);
    long max = ChannelReader.maxRlpBytesPerChannel(config, l1Time);
    if (current.size() - (long) current.frameCount() * Channel.FRAME_OVERHEAD > max) {
      dropLog.accept("channel " + current.id() + " exceeds " + max + " bytes");
      current = null;
      return Optional.empty();
    }
    if (!current.isReady()) return Optional.empty();
    byte[] data = current.data();
    current = null;
    return Optional.of(data);
  }
}
