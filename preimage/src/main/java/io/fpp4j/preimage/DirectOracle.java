package io.fpp4j.preimage;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A program's oracle that calls a host's fetcher and hint router directly, on the program's own thread: what
 * a host that embeds a program in its JVM uses instead of a {@link PreimageServer} on a channel pair, so that a
 * request costs a method call rather than two thread hand-offs.
 *
 * <p>It keeps the wire's semantics, so that a program and a host cannot tell the difference except by speed:
 * <ul>
 *   <li>A key the fetcher cannot serve (it throws, or returns null) ends the session as a server failure would.
 *       The failure, naming the key, is the session's ({@link #outcome()}); the program sees what it sees on the
 *       wire, a {@link ChannelClosedException} (with the host's failure as its cause), and so does every later
 *       call.
 *   <li>A hint is counted, then routed. If the router throws, the hint is still acknowledged (the call
 *       returns), and the failure ends the session unless {@link Builder#continueOnHintError} is set, as in
 *       {@link HintReader} and {@link PreimageServer}.
 *   <li>{@link PreimageLimits}: a hint over the limit ends the session unacknowledged, as the server's reader
 *       refuses its length prefix; a preimage over the limit is refused by the client side, as
 *       {@link OracleReader} refuses its length, and leaves the session running.
 *   <li>{@link #getExact} with a buffer of the wrong length throws {@link BufferLengthMismatchException}; the
 *       request still counts as served, as the server had sent the answer.
 *   <li>Every answer is a copy: the fetcher's array may be a store's own, and on the wire a program owns what it
 *       reads.
 *   <li>The statistics are the server's ({@link PreimageServer.Stats}), so a host's summary reads the same.
 * </ul>
 *
 * <p>Thread-safety matches the wire too: preimage requests are serialized among themselves (one channel, one
 * server loop), hints among themselves (the other channel, the hint loop), and the two may run concurrently.
 */
public final class DirectOracle implements OracleClient {
  private final PreimageFetcher fetcher;
  private final HintRouter router;
  private final PreimageLimits limits;
  private final boolean continueOnHintError;
  private final Object preimageLock = new Object();
  private final Object hintLock = new Object();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  /** Written under {@link #preimageLock}; volatile so {@link #stats()} may be read from any thread. */
  private volatile long preimageRequests;
  private volatile long preimageBytes;
  /** Written under {@link #hintLock}. */
  private volatile long hints;
  private volatile long hintBytes;

  private DirectOracle(Builder b) {
    this.fetcher = b.fetcher;
    this.router = b.router;
    this.limits = b.limits;
    this.continueOnHintError = b.continueOnHintError;
  }

  /** An oracle over {@code fetcher}, with no hint routing and the default limits until the builder says otherwise. */
  public static Builder builder(PreimageFetcher fetcher) {
    if (fetcher == null) throw new IllegalArgumentException("a direct oracle needs a fetcher, got null");
    return new Builder(fetcher);
  }

  @Override
  public byte[] get(PreimageKey key) {
    byte[] data;
    synchronized (preimageLock) {
      data = serve(key);
    }
    checkSize(key, data.length);
    return data.clone();
  }

  @Override
  public void getExact(PreimageKey key, byte[] buf) {
    byte[] data;
    synchronized (preimageLock) {
      data = serve(key);
    }
    checkSize(key, data.length);
    if (data.length != buf.length) {
      throw new BufferLengthMismatchException(
          "preimage " + key + " is " + data.length + " bytes, but the caller's buffer is " + buf.length);
    }
    System.arraycopy(data, 0, buf, 0, data.length);
  }

  @Override
  public void hint(String hint) {
    synchronized (hintLock) {
      ensureOpen("send a hint");
      byte[] bytes = hint.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > limits.maxHintBytes()) {
        // The server's reader refuses the length prefix before reading or acknowledging the hint.
        throw ended(new FrameTooLargeException("client announced a hint of " + bytes.length
            + " bytes, over the limit of " + limits.maxHintBytes() + " bytes"), "send a hint");
      }
      hints++;
      hintBytes += bytes.length;
      // The host routes what arrives on the wire, decoded: the same text, unless the string held an unpaired
      // surrogate, which UTF-8 encoding replaced with '?'. Decoding back is what makes the two agree.
      String routed = new String(bytes, StandardCharsets.UTF_8);
      try {
        router.routeHint(routed);
      } catch (Exception e) {
        HintRoutingException routing =
            new HintRoutingException("failed to handle hint '" + abbreviate(routed) + "': " + e.getMessage(), e);
        if (!continueOnHintError) failure.compareAndSet(null, routing);
      }
      // Acknowledged either way: the failure shows at the program's next call, as a closed channel.
    }
  }

  /** What was served so far. */
  public PreimageServer.Stats stats() {
    return new PreimageServer.Stats(preimageRequests, preimageBytes, hints, hintBytes);
  }

  /** The session's first failure, or null while it serves. */
  public RuntimeException failure() {
    return failure.get();
  }

  /** The session as a {@link PreimageServer} would report it: the counts, and the failure that ended it if any. */
  public PreimageServer.Outcome outcome() {
    return new PreimageServer.Outcome(stats(), failure.get());
  }

  /** One request as {@link OracleServer} serves it: fetched, never null, counted. Called under the lock. */
  private byte[] serve(PreimageKey key) {
    ensureOpen("request preimage " + key);
    byte[] data;
    try {
      data = fetcher.getPreimage(key);
    } catch (PreimageOracleException e) {
      throw ended(e, "request preimage " + key);
    } catch (Exception e) {
      throw ended(new PreimageOracleException("failed to serve preimage " + key + ": " + e.getMessage(), e),
          "request preimage " + key);
    }
    if (data == null) {
      throw ended(new KeyNotFoundException("no preimage for key " + key + " (the fetcher returned null)"),
          "request preimage " + key);
    }
    preimageRequests++;
    preimageBytes += data.length;
    return data;
  }

  /** The client's check of an announced length, as {@link OracleReader} makes it; not a failure of the host. */
  private void checkSize(PreimageKey key, int length) {
    if (length > limits.maxPreimageBytes()) {
      throw new FrameTooLargeException("host announced a preimage of " + length + " bytes for " + key
          + ", over the limit of " + limits.maxPreimageBytes() + " bytes");
    }
  }

  private void ensureOpen(String what) {
    RuntimeException f = failure.get();
    if (f != null) throw closed(what, f);
  }

  /** Records {@code hostFailure} as the session's end (the first one wins) and returns what the program sees. */
  private ChannelClosedException ended(RuntimeException hostFailure, String what) {
    failure.compareAndSet(null, hostFailure);
    return closed(what, failure.get());
  }

  private static ChannelClosedException closed(String what, RuntimeException hostFailure) {
    return new ChannelClosedException("cannot " + what + ": the host stopped serving (" + hostFailure.getMessage() + ")",
        hostFailure);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  /** Options of a {@link DirectOracle}; the defaults are a {@link PreimageServer}'s. */
  public static final class Builder {
    private final PreimageFetcher fetcher;
    private HintRouter router = HintRouter.IGNORE;
    private PreimageLimits limits = PreimageLimits.DEFAULT;
    private boolean continueOnHintError;

    private Builder(PreimageFetcher fetcher) {
      this.fetcher = fetcher;
    }

    public Builder router(HintRouter router) {
      if (router == null) throw new IllegalArgumentException("router must not be null; use HintRouter.IGNORE");
      this.router = router;
      return this;
    }

    public Builder limits(PreimageLimits limits) {
      if (limits == null) throw new IllegalArgumentException("limits must not be null; use PreimageLimits.DEFAULT");
      this.limits = limits;
      return this;
    }

    /** Whether a hint the router rejects leaves the session serving; off by default, as in {@link PreimageServer}. */
    public Builder continueOnHintError(boolean value) {
      this.continueOnHintError = value;
      return this;
    }

    public DirectOracle build() {
      return new DirectOracle(this);
    }
  }
}
