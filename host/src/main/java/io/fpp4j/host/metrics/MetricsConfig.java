package io.fpp4j.host.metrics;

/**
 * Where to serve the Prometheus endpoint: op-service's and kona-cli's {@code --metrics.enabled},
 * {@code --metrics.addr} and {@code --metrics.port}, checked.
 *
 * @param enabled whether to serve at all; nothing listens otherwise
 * @param address the address to listen on: an IP literal or a host name
 * @param port the TCP port, 0 to 65535 (0: any free port, reported in the log)
 */
public record MetricsConfig(boolean enabled, String address, int port) {
  public static final MetricsConfig DISABLED = new MetricsConfig(false, "0.0.0.0", 0);

  public MetricsConfig {
    if (address == null || address.isBlank()) throw new IllegalArgumentException("the metrics address is empty");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("metrics port " + port + " is not from 0 to 65535");
  }
}
