package io.fpp4j.host.serve;

import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.HintRoutingException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintParseException;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.Hints;
import io.fpp4j.proof.hint.RawHint;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Serves from the store and, on a miss, runs the client's last hint through its {@link HintHandler}, then
 * looks again (kona-host {@code OnlineHostBackend}, op-program's {@code Prefetcher}).
 *
 * <p>Each hint is parsed once, with {@link Hints} in the registry's dialect, into the catalogue value its
 * handler takes. Hints are acted on lazily, as in both peers: an {@link HintKind#ORDINARY} hint replaces the
 * last one; a {@link HintKind#BULK} hint is kept separately, tried first on a miss and forgotten after it ran
 * without error; an {@link HintKind#EAGER} hint runs before the client is acknowledged. Text that is not
 * {@code <type> <hex>}, or names a type without a handler, fails routing at once (as Kona does). A hint whose
 * data does not fit its type is acknowledged like any other and fails, as an {@link InvalidHintException},
 * when it is run: at once for an eager hint, otherwise on the next miss.
 *
 * <p>On a miss, one attempt runs the pending bulk hint (if any), re-reads the store, then runs the last
 * ordinary hint and re-reads again. Between attempts the host waits per the {@link RetryPolicy}'s backoff,
 * also when the handler succeeded but did not store the key, so it never spins. It fails at once with the
 * key named when no hint is pending, when the hint can never succeed ({@link InvalidHintException}), or when
 * {@link #cancel} was called; and, under a bounded policy, after the last attempt, naming the key and the
 * hint.
 */
public final class OnlineBackend implements HostBackend {
  /**
   * A routed hint: its text (quoted, for messages), its entry, and either its value or why its data does
   * not fit its type.
   */
  private record Pending(String hint, HintHandlerRegistry.Entry<?> entry, Hint value, InvalidHintException invalid) {
    void run(PreimageStore store) throws Exception {
      if (invalid != null) throw invalid;
      entry.handle(value, store);
    }
  }

  private final PreimageStore store;
  private final HintHandlerRegistry registry;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final LongSupplier nanoClock;
  private final RandomGenerator random;
  private final FetchListener listener;
  private final Duration progressInterval;
  private final HostMetrics metrics;

  private final AtomicReference<Pending> lastHint = new AtomicReference<>();
  private final AtomicReference<Pending> lastBulkHint = new AtomicReference<>();
  private final AtomicReference<String> lastHintText = new AtomicReference<>();
  private volatile String cancelled;

  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong failedFetches = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong preimagesFetched = new AtomicLong();
  private final AtomicLong bytesFetched = new AtomicLong();

  private OnlineBackend(Builder b) {
    this.store = b.store;
    this.registry = b.registry;
    this.policy = b.policy;
    this.sleeper = b.sleeper;
    this.nanoClock = b.nanoClock;
    this.random = b.random;
    this.listener = b.listener;
    this.progressInterval = b.progressInterval;
    this.metrics = b.metrics;
  }

  public static Builder builder(PreimageStore store, HintHandlerRegistry registry) {
    return new Builder(store, registry);
  }

  @Override
  public void routeHint(String text) {
    lastHintText.set(text);
    String quoted = HintText.quoted(text);
    RawHint raw;
    try {
      raw = RawHint.parse(text);
    } catch (HintParseException e) {
      throw new InvalidHintException(e.getMessage(), e);
    }
    HintHandlerRegistry.Entry<?> entry = HintType.fromWireName(raw.name()).flatMap(registry::entry)
        .orElseThrow(() -> new InvalidHintException("no handler for hint type '" + raw.name() + "' (hint " + quoted
            + "); this host handles: " + (registry.isEmpty() ? "no hint types"
                : registry.types().stream().map(HintType::wireName).collect(Collectors.joining(", ")))));
    Pending pending;
    try {
      pending = new Pending(quoted, entry, Hints.interpret(raw, registry.dialect()), null);
    } catch (HintParseException e) {
      // Acknowledged all the same, as before parsing moved here and as op-program keeps even an unparsable hint
      // as its last one: the hint fails when it is run, naming the key it was run for.
      pending = new Pending(quoted, entry, null, new InvalidHintException("hint " + quoted + ": " + e.getMessage(), e));
    }
    switch (entry.kind()) {
      case ORDINARY -> lastHint.set(pending);
      case BULK -> lastBulkHint.set(pending);
      case EAGER -> fetchEagerly(pending);
    }
  }

  private void fetchEagerly(Pending pending) {
    for (int attempt = 1; ; attempt++) {
      checkCancelled("hint " + pending.hint());
      Exception error = run(pending, null, attempt);
      if (error == null) return;
      if (error instanceof InvalidHintException invalid) throw invalid;
      if (!policy.permits(attempt + 1)) {
        throw new HintRoutingException("gave up on hint " + pending.hint() + " after " + attempt + " attempts (retry policy "
            + policy + "): " + error, error);
      }
      pause(null, attempt, "hint " + pending.hint() + " failed: " + error);
    }
  }

  @Override
  public byte[] getPreimage(PreimageKey key) {
    Optional<byte[]> value = store.get(key);
    metrics.storeLookup(value.isPresent());
    if (value.isPresent()) return value.get();
    long start = nanoClock.getAsLong();
    String reason = null;
    Exception lastError = null;
    for (int attempt = 1; ; attempt++) {
      Pending bulk = lastBulkHint.get();
      Pending hint = lastHint.get();
      if (bulk == null && hint == null) {
        throw new PreimageUnavailableException(key, "preimage " + key + " is not in " + store.describe() + " and "
            + (attempt == 1 ? "no hint is pending to fetch it with" : "no hint is left to fetch it with (" + reason + ")"),
            lastError);
      }
      checkCancelled("preimage " + key);
      if (bulk != null) {
        Exception error = run(bulk, key, attempt);
        if (error instanceof InvalidHintException invalid) throw unfetchable(key, bulk, invalid);
        if (error == null) lastBulkHint.compareAndSet(bulk, null);
        value = store.get(key);
        if (value.isPresent()) return value.get();
        reason = outcome(bulk, error);
        if (error != null) lastError = error;
      }
      if (hint != null) {
        Exception error = run(hint, key, attempt);
        if (error instanceof InvalidHintException invalid) throw unfetchable(key, hint, invalid);
        value = store.get(key);
        if (value.isPresent()) return value.get();
        reason = outcome(hint, error);
        if (error != null) lastError = error;
      }
      if (!policy.permits(attempt + 1)) {
        throw new PreimageUnavailableException(key, "gave up on preimage " + key + " after " + attempt
            + (attempt == 1 ? " attempt" : " attempts") + " in " + Durations.format(Duration.ofNanos(nanoClock.getAsLong() - start))
            + " (retry policy " + policy + "); last hint: " + (hint != null ? hint.hint() : bulk.hint()) + "; " + reason,
            lastError);
      }
      pause(key, attempt, reason);
    }
  }

  private static String outcome(Pending p, Exception error) {
    return error == null
        ? "hint " + p.hint() + " was handled but did not provide the key"
        : "hint " + p.hint() + " failed: " + error;
  }

  private static PreimageUnavailableException unfetchable(PreimageKey key, Pending p, InvalidHintException e) {
    return new PreimageUnavailableException(key, "cannot fetch preimage " + key + ": hint " + p.hint()
        + " can never succeed: " + e.getMessage(), e);
  }

  /** Runs one handler; returns its exception, or null if it returned normally. */
  private Exception run(Pending p, PreimageKey wanted, int attempt) {
    fetches.incrementAndGet();
    CountingStore counting = new CountingStore(store, p.hint(), listener, nanoClock, progressInterval);
    listener.fetchStarted(p.hint(), wanted, attempt);
    Exception error = null;
    try {
      p.run(counting);
    } catch (Exception e) {
      failedFetches.incrementAndGet();
      error = e;
    }
    preimagesFetched.addAndGet(counting.puts());
    bytesFetched.addAndGet(counting.bytes());
    listener.fetchFinished(p.hint(), counting.puts(), counting.bytes(), counting.elapsed(), error);
    return error;
  }

  private void pause(PreimageKey key, int attempt, String reason) {
    Duration delay = policy.backoff().delay(attempt, random);
    retries.incrementAndGet();
    metrics.retry();
    listener.retrying(key, attempt + 1, delay, reason);
    String what = key == null ? "a hint" : "preimage " + key;
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PreimageOracleException("interrupted while waiting to fetch " + what, e);
    } catch (FetchCancelledException e) {
      throw new FetchCancelledException("stopped fetching " + what + ": " + e.getMessage());
    }
  }

  private void checkCancelled(String what) {
    String reason = cancelled;
    if (reason != null) throw new FetchCancelledException("stopped fetching " + what + ": " + reason);
  }

  @Override
  public void cancel(String reason) {
    cancelled = reason;
    if (sleeper instanceof Pause pause) pause.cancel(reason);
  }

  @Override
  public String lastHint() {
    return lastHintText.get();
  }

  @Override
  public FetchStats stats() {
    return new FetchStats(fetches.get(), failedFetches.get(), retries.get(), preimagesFetched.get(),
        bytesFetched.get());
  }

  @Override
  public String describe() {
    return "online, " + store.describe() + ", retry " + policy;
  }

  /** Options of an {@link OnlineBackend}. */
  public static final class Builder {
    private final PreimageStore store;
    private final HintHandlerRegistry registry;
    private RetryPolicy policy = RetryPolicy.forever();
    private Sleeper sleeper = new Pause();
    private LongSupplier nanoClock = System::nanoTime;
    private RandomGenerator random = RandomGenerator.getDefault();
    private FetchListener listener = new LoggingFetchListener();
    private Duration progressInterval = Duration.ofSeconds(5);
    private HostMetrics metrics = HostMetrics.NONE;

    private Builder(PreimageStore store, HintHandlerRegistry registry) {
      this.store = store;
      this.registry = registry;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.policy = policy;
      return this;
    }

    /** The waits between attempts; defaults to a {@link Pause}, which {@link #cancel} interrupts. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The clock for elapsed times and progress reports, in nanoseconds like {@link System#nanoTime}. */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = nanoClock;
      return this;
    }

    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    public Builder listener(FetchListener listener) {
      this.listener = listener;
      return this;
    }

    /** How often a long handler run reports progress. */
    public Builder progressInterval(Duration interval) {
      this.progressInterval = interval;
      return this;
    }

    /** Told whether each requested key was in the store, and of each retry. */
    public Builder metrics(HostMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public OnlineBackend build() {
      return new OnlineBackend(this);
    }
  }
}
