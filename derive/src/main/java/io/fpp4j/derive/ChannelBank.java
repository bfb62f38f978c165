package io.fpp4j.derive;

import io.fpp4j.proof.boot.RollupConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The channel bank before Holocene (derivation spec, "Channel Bank"): frames of many channels, interleaved and out of
 * order, are gathered per channel in the order the channels were first seen.
 *
 * <ul>
 *   <li>A frame for a channel that timed out ({@code openBlock + channel_timeout < current L1 block}) is dropped.
 *   <li>When the channels' total size exceeds {@link #MAX_CHANNEL_BANK_SIZE}, the oldest are dropped.
 *   <li>Reading: a timed-out first channel is dropped; before Canyon only the first channel may be read, from Canyon
 *       on the first ready one in order.
 * </ul>
 */
public final class ChannelBank {
  public static final long MAX_CHANNEL_BANK_SIZE = 100_000_000L;

  private final RollupConfig config;
  private final Map<ChannelId, Channel> channels = new HashMap<>();
  private final ArrayDeque<ChannelId> queue = new ArrayDeque<>();
  private final Consumer<String> dropLog;

  public ChannelBank(RollupConfig config, Consumer<String> dropLog) {
    this.config = Objects.requireNonNull(config, "config");
    this.dropLog = Objects.requireNonNull(dropLog, "dropLog");
  }

  /** Adds a frame read from L1 block {@code l1Number} with timestamp {@code l1Time}; a frame to drop is logged and dropped. */
  public void ingest(Frame frame, long l1Number, long l1Time) {
    Channel ch = channels.get(frame.channelId());
    if (ch == null) {
      ch = new Channel(frame.channelId(), l1Number);
      channels.put(ch.id(), ch);
      queue.addLast(ch.id());
    }
    if (ch.isTimedOut(l1Number, config.channelTimeout(l1Time))) {
      dropLog.accept("frame " + frame.number() + " of timed-out channel " + ch.id() + " (opened in L1 block " + ch.openBlock() + ")");
      return;
    }
    try {
      ch.add(frame);
    } catch (DerivationException e) {
      dropLog.accept(e.getMessage());
    }
    prune();
  }

  private void prune() {
    long total = 0;
    for (Channel c : channels.values()) total += c.size();
    while (total > MAX_CHANNEL_BANK_SIZE) {
      Channel oldest = channels.remove(queue.removeFirst());
      dropLog.accept("channel " + oldest.id() + " pruned: the bank holds " + total + " bytes, above " + MAX_CHANNEL_BANK_SIZE);
      total -= oldest.size();
    }
  }

  /**
   * The next channel's data at L1 block {@code l1Number} with timestamp {@code l1Time}, if one can be read now. Call
   * again until empty: a timed-out first channel is dropped by one call, which then returns empty.
   */
  public Optional<byte[]> read(long l1Number, long l1Time) {
    if (queue.isEmpty()) return Optional.empty();
    long timeout = config.channelTimeout(l1Time);
    Channel first = channels.get(queue.peekFirst());
    if (first.isTimedOut(l1Number, timeout)) {
      channels.remove(queue.removeFirst());
      dropLog.accept("channel " + first.id() + " timed out (opened in L1 block " + first.openBlock() + ", now " + l1Number + ")");
      return Optional.empty();
    }
    int candidates = config.isCanyonActive(l1Time) ? queue.size() : 1;
    Iterator<ChannelId> it = queue.iterator();
    for (int i = 0; i < candidates; i++) {
      Channel ch = channels.get(it.next());
      if (!ch.isTimedOut(l1Number, timeout) && ch.isReady()) {
        it.remove();
        channels.remove(ch.id());
        return Optional.of(ch.data());
      }
    }
    return Optional.empty();
  }

  /** Reads every channel that is ready now, dropping timed-out ones at the front. */
  public List<byte[]> readAll(long l1Number, long l1Time) {
    List<byte[]> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      int before = queue.size();
      Optional<byte[]> next = read(l1Number, l1Time);
      next.ifPresent(out::add);
      if (next.isEmpty() && queue.size() == before) break;
    }
    return out;
  }

  public int channelCount() {
    return queue.size();
  }
}
