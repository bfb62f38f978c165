package io.fpp4j.host.serve;

import java.time.Duration;

/**
 * The real {@link Sleeper}: waits on a monitor, so that {@link #cancel} ends a wait at once (when the program
 * being served has exited, waiting for data it will never read is pointless).
 */
final class Pause implements Sleeper {
  private String cancelled;

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    while (cancelled == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return;
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
    throw new FetchCancelledException(cancelled);
  }

  /** Ends the current and every later wait with a {@link FetchCancelledException} carrying {@code reason}. */
  public synchronized void cancel(String reason) {
    if (cancelled == null) cancelled = reason;
    notifyAll();
  }

  /** The reason given to {@link #cancel}, or null. */
  public synchronized String cancelled() {
    return cancelled;
  }
}
