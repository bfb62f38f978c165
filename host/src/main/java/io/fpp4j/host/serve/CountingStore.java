package io.fpp4j.host.serve;

import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The store as one handler run sees it: counts what the handler stores and reports progress to a
 * {@link FetchListener} at most once per interval, from the handler's own thread (no timer thread).
 */
final class CountingStore implements PreimageStore {
  private final PreimageStore inner;
  private final String hint;
  private final FetchListener listener;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final long startNanos;
  private long nextReportNanos;
  private long puts;
  private long bytes;

  CountingStore(PreimageStore inner, String hint, FetchListener listener, LongSupplier nanoClock, Duration interval) {
    this.inner = inner;
    this.hint = hint;
    this.listener = listener;
    this.nanoClock = nanoClock;
    this.intervalNanos = interval.toNanos();
    this.startNanos = nanoClock.getAsLong();
    this.nextReportNanos = startNanos + intervalNanos;
  }

  @Override
  public Optional<byte[]> get(PreimageKey key) {
    return inner.get(key);
  }

  @Override
  public synchronized void put(PreimageKey key, byte[] value) {
    inner.put(key, value);
    puts++;
    bytes += value.length;
    long now = nanoClock.getAsLong();
    if (now - nextReportNanos >= 0) {
      nextReportNanos = now + intervalNanos;
      listener.fetchProgress(hint, puts, bytes, Duration.ofNanos(now - startNanos));
    }
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  /** Handlers must not close the host's store. */
  @Override
  public void close() {}

  synchronized long puts() {
    return puts;
  }

  synchronized long bytes() {
    return bytes;
  }

  Duration elapsed() {
    return Duration.ofNanos(nanoClock.getAsLong() - startNanos);
  }
}
