package io.fpp4j.host;

import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.host.serve.HostBackend;
import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.DirectOracle;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.preimage.PreimageLimits;
import io.fpp4j.preimage.PreimageServer;
import io.fpp4j.preimage.VerifyingPreimageFetcher;

/**
 * What a host serves, wired once: local keys from the local inputs, everything else from the backend, every
 * keccak and sha256 answer re-hashed before it leaves ({@link VerifyingPreimageFetcher}). {@link #serve} runs
 * one {@link PreimageServer} session on a pair of channels and never throws: the failure is in the result;
 * {@link #direct} is the same session without channels, for a program in this JVM.
 */
public final class HostServer {
  private final LocalInputs locals;
  private final HostBackend backend;
  private final PreimageLimits limits;

  HostServer(LocalInputs locals, HostBackend backend) {
    this(locals, backend, PreimageLimits.DEFAULT);
  }

  HostServer(LocalInputs locals, HostBackend backend, PreimageLimits limits) {
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

  /**
   * Serves until the client closes both channels or a failure ends the session; the outcome holds what the
   * server counted either way.
   */
  public PreimageServer.Outcome serve(Channel hintChannel, Channel preimageChannel) {
    return PreimageServer.builder(hintChannel, preimageChannel, fetcher()).router(backend).limits(limits).build().serve();
  }

  /**
   * A session served by direct calls on the caller's thread: the same fetchers, router and limits as
   * {@link #serve}, whose outcome ({@link DirectOracle#outcome()}) reads as a served session's.
   */
  public DirectOracle direct() {
    return DirectOracle.builder(fetcher()).router(backend).limits(limits).build();
  }

  private PreimageFetcher fetcher() {
    return new VerifyingPreimageFetcher(new LocalSplitFetcher(locals, backend));
  }
}
