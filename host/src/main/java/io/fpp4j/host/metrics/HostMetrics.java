package io.fpp4j.host.metrics;

/**
 * What a host reports as it serves, for a metrics endpoint: called on the thread doing the work, so
 * implementations must be quick, thread-safe and must not throw. {@link #NONE} ignores everything; it is what
 * a host uses unless {@code --metrics.enabled} is given.
 */
public interface HostMetrics {
  HostMetrics NONE = new HostMetrics() {};

  /** One preimage answered to the program, {@code bytes} long (local keys included). */
  default void preimageServed(long bytes) {}

  /**
   * One hint received. {@code type} is a hint type's wire name ({@code l1-block-header}, ...) or
   * {@code unknown} for any other text, so that a client cannot create label values at will.
   */
  default void hintReceived(String type) {}

  /** A global (non-local) key was looked up in the store before any fetch: found ({@code hit}) or not. */
  default void storeLookup(boolean hit) {}

  /** An online host waits before another attempt to fetch a missing preimage or an eager hint. */
  default void retry() {}

  /**
   * One remote call finished.
   *
   * @param endpoint which endpoint: {@code l1}, {@code l2}, {@code l2-experimental} or {@code beacon}
   * @param method the JSON-RPC method, or the beacon API route (such as {@code /eth/v1/beacon/blobs})
   * @param nanos how long it took, failures included
   * @param ok whether it returned a usable answer
   */
  default void rpcCall(String endpoint, String method, long nanos, boolean ok) {}
}
