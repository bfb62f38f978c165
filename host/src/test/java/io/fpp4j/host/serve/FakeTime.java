package io.fpp4j.host.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A fake clock and a sleeper that advances it instead of waiting; it records every wait. */
final class FakeTime implements Sleeper {
  /** Thrown by {@link #sleep} once the fake time passes the stop time, to end a host that would wait forever. */
  static final class Stop extends RuntimeException {
    Stop() {
      super("fake time is up");
    }
  }

  private long nanos;
  private final long stopAtNanos;
  final List<Duration> sleeps = new ArrayList<>();

  FakeTime() {
    this(Duration.ofDays(365));
  }

  FakeTime(Duration stopAfter) {
    this.stopAtNanos = stopAfter.toNanos();
  }

  long now() {
    return nanos;
  }

  void advance(Duration d) {
    nanos += d.toNanos();
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    nanos += d.toNanos();
    if (nanos > stopAtNanos) throw new Stop();
  }
}
