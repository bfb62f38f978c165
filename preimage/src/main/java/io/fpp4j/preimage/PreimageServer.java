package io.fpp4j.preimage;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves one client over its hint and preimage channels until the client closes them.
 *
 * <p>The two channels are independent streams that a client may use in any interleaving, so they need two
 * loops: {@link #run()} serves preimages on the calling thread and hints on one platform thread it starts,
 * names ({@code fpp4j-hint-server}) and joins before returning. The first failure of either loop closes both
 * channels (the client then sees end of stream, as with both peers) and is rethrown by {@code run()}, or
 * returned with the counts by {@link #serve()}: a host's summary says what was served also when it failed.
 *
 * <p>After a failure the hint loop gets {@link #FAILURE_JOIN_MILLIS} to end. Descriptors inherited from an
 * FPVM cannot be closed from plain Java, so a hint loop blocked on one would otherwise keep a failed host
 * alive until its parent gave up; the thread is a daemon and ends with the process.
 */
public final class PreimageServer {
  /** What a finished server did, for the summary a host prints. */
  public record Stats(long preimageRequests, long preimageBytes, long hints, long hintBytes) {}

  /**
   * What a session did and, if it ended early, why.
   *
   * @param stats what was served up to the end, also when it failed
   * @param failure the first failure of either loop, or null when the client closed its channels
   */
  public record Outcome(Stats stats, RuntimeException failure) {
    public boolean clean() {
      return failure == null;
    }
  }

  /** How long {@link #run()} waits for the hint loop after the other loop failed. */
  public static final long FAILURE_JOIN_MILLIS = 1000;

  private final Channel hintChannel;
  private final Channel preimageChannel;
  private final PreimageFetcher fetcher;
  private final HintRouter router;
  private final PreimageLimits limits;
  private final boolean continueOnHintError;

  private PreimageServer(Builder b) {
    this.hintChannel = b.hintChannel;
    this.preimageChannel = b.preimageChannel;
    this.fetcher = b.fetcher;
    this.router = b.router;
    this.limits = b.limits;
    this.continueOnHintError = b.continueOnHintError;
  }

  public static Builder builder(Channel hintChannel, Channel preimageChannel, PreimageFetcher fetcher) {
    return new Builder(hintChannel, preimageChannel, fetcher);
  }

  /**
   * Serves until the client closes both channels.
   *
   * @return what was served
   * @throws PreimageOracleException the first failure of either loop, e.g. a key the fetcher cannot serve
   */
  public Stats run() {
    Outcome outcome = serve();
    if (outcome.failure() != null) throw outcome.failure();
    return outcome.stats();
  }

  /**
   * Serves until the client closes both channels or either loop fails, and never throws: the failure is in
   * the outcome beside the counts. After a failure whose hint loop did not end within
   * {@link #FAILURE_JOIN_MILLIS}, the hint counts are those that loop had reached.
   */
  public Outcome serve() {
    AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    OracleServer oracle = new OracleServer(preimageChannel);
    HintReader hints = new HintReader(hintChannel, limits);
    Thread hintThread = new Thread(() -> {
      try {
        while (true) {
          try {
            if (!hints.nextHint(router)) break;
          } catch (HintRoutingException e) {
            if (!continueOnHintError) throw e;
          }
        }
      } catch (RuntimeException e) {
        fail(firstFailure, e);
      }
    }, "fpp4j-hint-server");
    hintThread.setDaemon(true);
    hintThread.start();
    try {
      while (oracle.nextPreimageRequest(fetcher)) {
        // serve until the client closes
      }
    } catch (RuntimeException e) {
      fail(firstFailure, e);
    }
    try {
      if (firstFailure.get() != null) {
        hintThread.join(FAILURE_JOIN_MILLIS);
      } else {
        hintThread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(firstFailure, new PreimageOracleException("interrupted while waiting for the hint loop to end", e));
    }
    Stats stats = new Stats(oracle.requests(), oracle.bytesServed(), hints.hints(), hints.hintBytes());
    return new Outcome(stats, firstFailure.get());
  }

  private void fail(AtomicReference<RuntimeException> first, RuntimeException e) {
    if (first.compareAndSet(null, e)) closeChannels();
  }

  private void closeChannels() {
    try (Channel h = hintChannel; Channel p = preimageChannel) {
      // closing unblocks the other loop; the client sees end of stream
    } catch (Exception ignored) {
      // the failure being reported matters more than one from closing
    }
  }

  /** Options of a {@link PreimageServer}. */
  public static final class Builder {
    private final Channel hintChannel;
    private final Channel preimageChannel;
    private final PreimageFetcher fetcher;
    private HintRouter router = HintRouter.IGNORE;
    private PreimageLimits limits = PreimageLimits.DEFAULT;
    private boolean continueOnHintError;

    private Builder(Channel hintChannel, Channel preimageChannel, PreimageFetcher fetcher) {
      this.hintChannel = hintChannel;
      this.preimageChannel = preimageChannel;
      this.fetcher = fetcher;
    }

    public Builder router(HintRouter router) {
      this.router = router;
      return this;
    }

    public Builder limits(PreimageLimits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * Whether a hint that is not UTF-8 or that the router rejects leaves the server running. Off by default:
     * both kona-host and op-program end the server on the first hint error (the client was acked either way).
     */
    public Builder continueOnHintError(boolean value) {
      this.continueOnHintError = value;
      return this;
    }

    public PreimageServer build() {
      return new PreimageServer(this);
    }
  }
}
