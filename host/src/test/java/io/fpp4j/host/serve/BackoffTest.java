package io.fpp4j.host.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final SplittableRandom RANDOM = new SplittableRandom(1);

  @Test
  void doublesFromTheMinimumUpToTheMaximum() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO);
    assertThat(b.delay(1, RANDOM)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.delay(2, RANDOM)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.delay(3, RANDOM)).isEqualTo(Duration.ofMillis(400));
    assertThat(b.delay(4, RANDOM)).isEqualTo(Duration.ofMillis(800));
    assertThat(b.delay(5, RANDOM)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delay(1_000_000, RANDOM)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterAddsUpToItsBound() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(50));
    for (int i = 0; i < 200; i++) {
      assertThat(b.delay(1, RANDOM)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150).minusNanos(1));
    }
  }

  @Test
  void aZeroMinimumIsRejectedBecauseItWouldSpin() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
        .hasMessage("minimum backoff must be positive, got PT0S: a zero wait would spin");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
        .hasMessage("maximum backoff PT1S is below the minimum PT2S");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(-1)))
        .hasMessage("backoff jitter must not be negative, got PT-0.001S");
  }

  @Test
  void policiesAndDurations() {
    assertThat(RetryPolicy.of("BOUNDED", 3, Backoff.BOUNDED_DEFAULT)).isEqualTo(new RetryPolicy.Bounded(3, Backoff.BOUNDED_DEFAULT));
    assertThat(RetryPolicy.of("forever", 3, Backoff.FOREVER_DEFAULT).permits(Integer.MAX_VALUE)).isTrue();
    assertThat(RetryPolicy.bounded(2).permits(2)).isTrue();
    assertThat(RetryPolicy.bounded(2).permits(3)).isFalse();
    assertThatThrownBy(() -> RetryPolicy.of("sometimes", 1, Backoff.BOUNDED_DEFAULT))
        .hasMessage("unknown retry policy 'sometimes': use forever or bounded");
    assertThatThrownBy(() -> RetryPolicy.bounded(0)).hasMessage("a bounded retry policy needs at least 1 attempt, got 0");
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> Durations.parse("5")).hasMessageStartingWith("invalid duration '5': use a number and a unit");
    assertThat(RetryPolicy.forever().toString()).isEqualTo("forever (backoff 100ms..10s +250ms jitter)");
  }
}
