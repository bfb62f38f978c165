package io.fpp4j.host;

import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.host.serve.HostBackend;
import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.HintRouter;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageLimits;
import io.fpp4j.preimage.PreimageServer;
import io.fpp4j.preimage.VerifyingPreimageFetcher;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a host serves, wired once: local keys from the local inputs, everything else from the backend, every
 * keccak and sha256 answer re-hashed before it leaves ({@link VerifyingPreimageFetcher}). {@link #serve} runs
 * one {@link PreimageServer} session on a pair of channels and never throws: the failure is in the result.
 */
public final class HostServer {
  private final LocalInputs locals;
  private final HostBackend backend;
  private final PreimageLimits limits;

  public HostServer(LocalInputs locals, HostBackend backend) {
    this(locals, backend, PreimageLimits.DEFAULT);
  }

  public HostServer(LocalInputs locals, HostBackend backend, PreimageLimits limits) {
    this.locals = locals;
    this.backend = backend;
    this.limits = limits;
  }

  public HostBackend backend() {
    return backend;
  }

  public LocalInputs locals() {
    return locals;
  }

  /** Serves until the client closes both channels or a failure ends the session. */
  public ServeResult serve(Channel hintChannel, Channel preimageChannel) {
    // Counted here rather than taken from PreimageServer.Stats, which a failed session does not return.
    AtomicLong preimages = new AtomicLong();
    AtomicLong preimageBytes = new AtomicLong();
    AtomicLong hints = new AtomicLong();
    PreimageFetcher verified = new VerifyingPreimageFetcher(new LocalSplitFetcher(locals, backend));
    PreimageFetcher counted = (PreimageKey key) -> {
      byte[] v = verified.getPreimage(key);
      preimages.incrementAndGet();
      preimageBytes.addAndGet(v.length);
      return v;
    };
    HintRouter router = hint -> {
      hints.incrementAndGet();
      backend.routeHint(hint);
    };
    RuntimeException failure = null;
    try {
      PreimageServer.builder(hintChannel, preimageChannel, counted).router(router).limits(limits).build().run();
    } catch (RuntimeException e) {
      failure = e;
    }
    return new ServeResult(preimages.get(), preimageBytes.get(), hints.get(), failure);
  }
}
