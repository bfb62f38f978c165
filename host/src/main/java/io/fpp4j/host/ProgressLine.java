package io.fpp4j.host;

import io.fpp4j.host.serve.Durations;
import io.fpp4j.host.serve.FetchStats;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's progress line on a long run: what it has served and fetched so far, at most once per interval.
 * Checked on the serving threads each time something is served, so no timer thread is needed; a run that waits
 * on one long fetch is reported by that fetch's own progress lines instead.
 */
final class ProgressLine {
  private static final Logger LOG = LoggerFactory.getLogger("io.fpp4j.host");

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Supplier<FetchStats> fetched;
  private final long startNanos;
  private long nextNanos;

  ProgressLine(Duration interval, LongSupplier nanoClock, Supplier<FetchStats> fetched) {
    if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("progress interval must be positive, got " + interval);
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    this.fetched = fetched;
    this.startNanos = nanoClock.getAsLong();
    this.nextNanos = startNanos + intervalNanos;
  }

  /** Logs the line if the interval has passed since the last one (or the start). */
  void maybeReport(long preimages, long bytes, long hints) {
    String line;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      if (now - nextNanos < 0) return;
      nextNanos = now + intervalNanos;
      line = line(preimages, bytes, hints, Duration.ofNanos(now - startNanos));
    }
    LOG.info(line);
  }

  String line(long preimages, long bytes, long hints, Duration elapsed) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "progress: served %d preimages (%s) and %d hints",
        preimages, RunOutcome.bytes(bytes), hints));
    FetchStats f = fetched.get();
    if (f.fetches() > 0) {
      s.append(String.format(Locale.ROOT, ", fetched %d preimages (%s) in %d hint fetches (%d retries)", f.preimagesFetched(),
          RunOutcome.bytes(f.bytesFetched()), f.fetches(), f.retries()));
    }
    return s.append(", ").append(Durations.format(elapsed)).append(" so far").toString();
  }
}
