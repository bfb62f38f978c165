package io.fpp4j.host.serve;

import io.fpp4j.preimage.PreimageKey;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs fetch progress: starts at debug, slow fetches and progress at info, retries at warn. */
public final class LoggingFetchListener implements FetchListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.fpp4j.host.fetch");
  /** Fetches slower than this are reported at info level when they finish. */
  private static final Duration SLOW = Duration.ofSeconds(1);

  @Override
  public void fetchStarted(String hint, PreimageKey wanted, int attempt) {
    if (wanted == null) {
      LOG.debug("fetching for hint {} (attempt {})", hint, attempt);
    } else {
      LOG.debug("fetching for hint {} to find {} (attempt {})", hint, wanted, attempt);
    }
  }

  @Override
  public void fetchProgress(String hint, long preimages, long bytes, Duration elapsed) {
    LOG.info("hint {}: {} preimages ({} bytes) stored so far, {}", hint, preimages, bytes, Durations.format(elapsed));
  }

  @Override
  public void fetchFinished(String hint, long preimages, long bytes, Duration elapsed, Throwable error) {
    if (error != null) {
      LOG.warn("fetch for hint {} failed after {}: {}", hint, Durations.format(elapsed), error.toString());
    } else if (elapsed.compareTo(SLOW) >= 0) {
      LOG.info("hint {}: stored {} preimages ({} bytes) in {}", hint, preimages, bytes, Durations.format(elapsed));
    } else {
      LOG.debug("hint {}: stored {} preimages ({} bytes) in {}", hint, preimages, bytes, Durations.format(elapsed));
    }
  }

  @Override
  public void retrying(PreimageKey key, int nextAttempt, Duration delay, String reason) {
    LOG.warn("preimage {} still missing ({}); attempt {} in {}", key, reason, nextAttempt, Durations.format(delay));
  }
}
