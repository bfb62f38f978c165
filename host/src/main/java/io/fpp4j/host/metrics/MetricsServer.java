package io.fpp4j.host.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus endpoint ({@code GET /metrics}) of one host run: the client library's JDK-HttpServer exporter on
 * one daemon thread of our own, started only when metrics are enabled and stopped by {@link #close} when the run
 * ends. The host starts no other thread for metrics.
 */
public final class MetricsServer implements AutoCloseable {
  private final HTTPServer server;
  private final String address;

  private MetricsServer(HTTPServer server, String address) {
    this.server = server;
    this.address = address;
  }

  /**
   * Listens on {@code config}'s address and port, serving {@code metrics}' registry.
   *
   * @throws UncheckedIOException naming the address if it cannot be resolved or bound (in use, not local, ...)
   */
  public static MetricsServer start(MetricsConfig config, PrometheusHostMetrics metrics) {
    String where = config.address() + ":" + config.port();
    InetAddress address;
    try {
      address = InetAddress.getByName(config.address());
    } catch (UnknownHostException e) {
      throw new UncheckedIOException("cannot start the metrics endpoint on " + where + ": unknown host " + config.address(), e);
    }
    // One thread is plenty for a scraper every few seconds; the library's default pool would allow ten.
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fpp4j-metrics-http");
      t.setDaemon(true);
      return t;
    });
    try {
      HTTPServer server = HTTPServer.builder().inetAddress(address).port(config.port()).registry(metrics.registry())
          .executorService(executor).buildAndStart();
      return new MetricsServer(server, config.address() + ":" + server.getPort());
    } catch (IOException | RuntimeException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the metrics endpoint on " + where + ": " + e,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The port listened on: the configured one, or the one chosen for port 0. */
  public int port() {
    return server.getPort();
  }

  /** {@code address:port}, for the log. */
  public String address() {
    return address;
  }

  @Override
  public void close() {
    server.close();
  }
}
