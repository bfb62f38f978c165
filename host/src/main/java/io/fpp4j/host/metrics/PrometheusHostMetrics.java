package io.fpp4j.host.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * {@link HostMetrics} as Prometheus metrics, in a registry of their own (not the library's process-wide default
 * one, so that two hosts in one JVM, as in tests, never share counts). Names start with {@code fpp4j_host_}.
 */
public final class PrometheusHostMetrics implements HostMetrics {
  /** Upper bounds of the RPC latency buckets, in seconds: a local node answers in milliseconds, a witness in tens of seconds. */
  private static final double[] RPC_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter preimagesServed;
  private final Counter preimageBytesServed;
  private final Counter hints;
  private final Counter storeHits;
  private final Counter storeMisses;
  private final Counter retries;
  private final Histogram rpcDuration;
  private final Counter rpcErrors;

  public PrometheusHostMetrics() {
    preimagesServed = Counter.builder().name("fpp4j_host_preimages_served_total")
        .help("Preimages answered to the program, local keys included").register(registry);
    preimageBytesServed = Counter.builder().name("fpp4j_host_preimage_served_bytes_total").unit(Unit.BYTES)
        .help("Bytes of the preimages answered to the program").register(registry);
    hints = Counter.builder().name("fpp4j_host_hints_total").labelNames("type")
        .help("Hints received, by hint type (unknown for text that names no known type)").register(registry);
    storeHits = Counter.builder().name("fpp4j_host_store_hits_total")
        .help("Global keys found in the preimage store without fetching").register(registry);
    storeMisses = Counter.builder().name("fpp4j_host_store_misses_total")
        .help("Global keys not in the preimage store when requested (an online host then fetches them)").register(registry);
    retries = Counter.builder().name("fpp4j_host_fetch_retries_total")
        .help("Waits before another attempt to fetch a missing preimage or run an eager hint").register(registry);
    rpcDuration = Histogram.builder().name("fpp4j_host_rpc_duration_seconds").unit(Unit.SECONDS).labelNames("endpoint", "method")
        .help("Time of each remote call of an online host, by endpoint and JSON-RPC method or beacon route, failures included")
        .classicOnly().classicUpperBounds(RPC_BUCKETS).register(registry);
    rpcErrors = Counter.builder().name("fpp4j_host_rpc_errors_total").labelNames("endpoint", "method")
        .help("Remote calls that failed (transport, HTTP status, JSON-RPC error or unreadable answer)").register(registry);
  }

  /** The registry the exporter serves. */
  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void preimageServed(long bytes) {
    preimagesServed.inc();
    preimageBytesServed.inc(bytes);
  }

  @Override
  public void hintReceived(String type) {
    hints.labelValues(type).inc();
  }

  @Override
  public void storeLookup(boolean hit) {
    (hit ? storeHits : storeMisses).inc();
  }

  @Override
  public void retry() {
    retries.inc();
  }

  @Override
  public void rpcCall(String endpoint, String method, long nanos, boolean ok) {
    rpcDuration.labelValues(endpoint, method).observe(Unit.nanosToSeconds(nanos));
    if (!ok) rpcErrors.labelValues(endpoint, method).inc();
  }
}
