package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fpp4j.host.serve.FetchStats;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The progress line: at most one per interval on a fake clock, with what was served and fetched so far. */
class ProgressLineTest {
  final AtomicLong now = new AtomicLong(1_000);
  final AtomicReference<FetchStats> fetched = new AtomicReference<>(FetchStats.NONE);
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger("io.fpp4j.host");
  Level before;

  @BeforeEach
  void capture() {
    before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
    logger.setLevel(before);
  }

  @Test
  void oneLinePerIntervalAtMost() {
    ProgressLine p = new ProgressLine(Duration.ofSeconds(10), now::get, fetched::get);
    p.maybeReport(1, 32, 1);
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    p.maybeReport(2, 64, 1);
    assertThat(logged.list).isEmpty();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    p.maybeReport(3, 2048, 2);
    p.maybeReport(4, 2080, 2);
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("progress: served 3 preimages (2.0 KiB) and 2 hints, 10s so far");
    fetched.set(new FetchStats(5, 1, 2, 40, 4096));
    now.addAndGet(Duration.ofSeconds(12).toNanos());
    p.maybeReport(5, 2112, 3);
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).last()
        .isEqualTo("progress: served 5 preimages (2.1 KiB) and 3 hints, fetched 40 preimages (4.0 KiB) in 5 hint fetches (2 retries), 22s so far");
  }

  @Test
  void theIntervalMustBePositive() {
    assertThatThrownBy(() -> new ProgressLine(Duration.ZERO, now::get, fetched::get))
        .hasMessage("progress interval must be positive, got PT0S");
  }
}
