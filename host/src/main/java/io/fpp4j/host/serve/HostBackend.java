package io.fpp4j.host.serve;

import io.fpp4j.preimage.HintRouter;
import io.fpp4j.preimage.PreimageFetcher;

/**
 * The global (non-local) half of what a host serves: a fetcher for preimage requests and a router for the
 * hints that precede them (kona-host {@code OfflineHostBackend}/{@code OnlineHostBackend}).
 */
public interface HostBackend extends PreimageFetcher, HintRouter {
  FetchStats stats();

  /** The last hint the client sent, as text, or null if none: quoted when a key cannot be served. */
  String lastHint();

  /** Stops waiting for data: the program being served is gone. Later misses fail at once. */
  default void cancel(String reason) {}

  /** "offline" or "online", for logs. */
  String describe();
}
