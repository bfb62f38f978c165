package io.fpp4j.host.serve;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff between fetch attempts: the wait before retry {@code n} (1-based) is
 * {@code min(min × 2^(n-1), max)} plus a uniformly random jitter in {@code [0, jitter)}. The minimum must be
 * positive, so a host can never retry in a tight loop.
 */
public record Backoff(Duration min, Duration max, Duration jitter) {
  /** op-program's retrying sources wait up to 10 s with 250 ms of jitter; the start is ours. */
  public static final Backoff FOREVER_DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMillis(250));
  /** The Base fork's bounded host waits 50 ms to 1 s. */
  public static final Backoff BOUNDED_DEFAULT = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMillis(25));

  public Backoff {
    if (min == null || max == null || jitter == null) throw new IllegalArgumentException("backoff durations must be set");
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException("minimum backoff must be positive, got " + min + ": a zero wait would spin");
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("maximum backoff " + max + " is below the minimum " + min);
    }
    if (jitter.isNegative()) throw new IllegalArgumentException("backoff jitter must not be negative, got " + jitter);
  }

  /** The wait before retry {@code retry} (1 for the first retry). */
  Duration delay(int retry, RandomGenerator random) {
    if (retry < 1) throw new IllegalArgumentException("retries are numbered from 1, got " + retry);
    // min × 2^(retry-1), doubling only until max is reached so that a large retry count cannot overflow.
    Duration d = min;
    for (int i = 1; i < retry && d.compareTo(max) < 0; i++) d = d.multipliedBy(2);
    Duration base = d.compareTo(max) < 0 ? d : max;
    long jitterNanos = jitter.toNanos();
    return jitterNanos == 0 ? base : base.plusNanos(random.nextLong(jitterNanos));
  }

  @Override
  public String toString() {
    return Durations.format(min) + ".." + Durations.format(max) + (jitter.isZero() ? "" : " +" + Durations.format(jitter) + " jitter");
  }
}
