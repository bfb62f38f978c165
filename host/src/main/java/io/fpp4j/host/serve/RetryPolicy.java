package io.fpp4j.host.serve;

import java.util.Locale;

/**
 * What an online host does when a requested preimage is still missing after running the last hint.
 *
 * <ul>
 *   <li>{@link Forever}: keep fetching, waiting per the backoff between attempts. This is upstream's stance
 *       (kona-host and op-program retry without limit): a client that fails for lack of a preimage makes a
 *       challenger post a wrong verdict, so the host should rather wait for its data sources, and whoever
 *       runs it adds a timeout.
 *   <li>{@link Bounded}: give up after {@code maxAttempts} attempts (the Base fork: 5), so a host run by a
 *       test or a batch job fails with the key and the hint instead of waiting for ever.
 * </ul>
 *
 * <p>Under both, a miss with no hint fails at once, a hint that can never succeed ({@link InvalidHintException})
 * fails at once, and every retry waits per the {@link Backoff}: the host never spins.
 */
public sealed interface RetryPolicy {
  Backoff backoff();

  /** Whether attempt {@code attempt} (1-based) may run. */
  boolean permits(int attempt);

  record Forever(Backoff backoff) implements RetryPolicy {
    @Override
    public boolean permits(int attempt) {
      return true;
    }

    @Override
    public String toString() {
      return "forever (backoff " + backoff + ")";
    }
  }

  record Bounded(int maxAttempts, Backoff backoff) implements RetryPolicy {
    public Bounded {
      if (maxAttempts < 1) throw new IllegalArgumentException("a bounded retry policy needs at least 1 attempt, got " + maxAttempts);
    }

    @Override
    public boolean permits(int attempt) {
      return attempt <= maxAttempts;
    }

    @Override
    public String toString() {
      return "bounded (" + maxAttempts + " attempts, backoff " + backoff + ")";
    }
  }

  static RetryPolicy forever() {
    return new Forever(Backoff.FOREVER_DEFAULT);
  }

  static RetryPolicy bounded(int maxAttempts) {
    return new Bounded(maxAttempts, Backoff.BOUNDED_DEFAULT);
  }

  /** Builds a policy from its CLI name, {@code forever} or {@code bounded}. */
  static RetryPolicy of(String name, int maxAttempts, Backoff backoff) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "forever" -> new Forever(backoff);
      case "bounded" -> new Bounded(maxAttempts, backoff);
      default -> throw new IllegalArgumentException("unknown retry policy '" + name + "': use forever or bounded");
    };
  }
}
