package io.fpp4j.host.serve;

import io.fpp4j.preimage.PreimageKey;
import java.time.Duration;

/**
 * Hooks into what an online host fetches, for progress output and tests. Called on the thread doing the
 * fetch; implementations must be quick and must not throw. Each hint is given as the client sent it, quoted
 * and shortened for a log line.
 */
public interface FetchListener {
  FetchListener NONE = new FetchListener() {};

  /** A hint's handler starts; {@code wanted} is the missing key that caused it, or null for an eager hint. */
  default void fetchStarted(String hint, PreimageKey wanted, int attempt) {}

  /** A long-running handler has stored {@code preimages} values of {@code bytes} in total so far. */
  default void fetchProgress(String hint, long preimages, long bytes, Duration elapsed) {}

  /** A handler returned ({@code error} null) or threw. */
  default void fetchFinished(String hint, long preimages, long bytes, Duration elapsed, Throwable error) {}

  /**
   * The host waits {@code delay} before attempt {@code nextAttempt} for {@code key} (null when retrying an
   * eager hint); {@code reason} says why the last attempt failed.
   */
  default void retrying(PreimageKey key, int nextAttempt, Duration delay, String reason) {}
}
