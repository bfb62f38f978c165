package io.fpp4j.host;

import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.host.serve.HostBackend;
import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.DirectOracle;
import io.fpp4j.preimage.HintRouter;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.preimage.PreimageLimits;
import io.fpp4j.preimage.PreimageServer;
import io.fpp4j.preimage.VerifyingPreimageFetcher;

/**
 * What a host serves, wired once: local keys from the local inputs, everything else from the backend, every
 * keccak and sha256 answer re-hashed before it leaves ({@link VerifyingPreimageFetcher}). {@link #serve} runs
 * one {@link PreimageServer} session on a pair of channels and never throws: the failure is in the result;
 * {@link #direct} is the same session without channels, for a program in this JVM. A {@link ServeMeter}, if
 * given, sees every answer and every hint of either kind of session.
 */
public final class HostServer {
  private final LocalInputs locals;
  private final HostBackend backend;
  private final PreimageLimits limits;
  private final ServeMeter meter;

  HostServer(LocalInputs locals, HostBackend backend) {
    this(locals, backend, PreimageLimits.DEFAULT, null);
  }

  /** @param meter counts the session as it goes, or null */
  HostServer(LocalInputs locals, HostBackend backend, PreimageLimits limits, ServeMeter meter) {
    this.locals = locals;
    this.backend = backend;
    this.limits = limits;
    this.meter = meter;
  }

  public HostBackend backend() {
    return backend;
  }

  public LocalInputs locals() {
    return locals;
  }

  /**
   * Serves until the client closes both channels or a failure ends the session; the outcome holds what the
   * server counted either way.
   */
  public PreimageServer.Outcome serve(Channel hintChannel, Channel preimageChannel) {
    return PreimageServer.builder(hintChannel, preimageChannel, fetcher()).router(router()).limits(limits).build().serve();
  }

  /**
   * A session served by direct calls on the caller's thread: the same fetchers, router and limits as
   * {@link #serve}, whose outcome ({@link DirectOracle#outcome()}) reads as a served session's.
   */
  public DirectOracle direct() {
    return DirectOracle.builder(fetcher()).router(router()).limits(limits).build();
  }

  private PreimageFetcher fetcher() {
    PreimageFetcher checked = new VerifyingPreimageFetcher(new LocalSplitFetcher(locals, backend));
    return meter == null ? checked : meter.fetcher(checked);
  }

  private HintRouter router() {
    return meter == null ? backend : meter.router(backend);
  }
}
