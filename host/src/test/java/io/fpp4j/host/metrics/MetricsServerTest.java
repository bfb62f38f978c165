package io.fpp4j.host.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exporter on its own: every metric is served under its name, the port is freed on close, a busy port is named. */
@Timeout(30)
class MetricsServerTest {
  @Test
  void servesEachMetricAndStopsOnClose() throws Exception {
    PrometheusHostMetrics m = new PrometheusHostMetrics();
    m.preimageServed(32);
    m.preimageServed(8);
    m.hintReceived("l1-block-header");
    m.hintReceived("unknown");
    m.hintReceived("l1-block-header");
    m.storeLookup(true);
    m.storeLookup(false);
    m.storeLookup(false);
    m.retry();
    m.rpcCall("l1", "eth_getBlockByHash", 3_000_000, true);
    m.rpcCall("l1", "eth_getBlockByHash", 2_000_000_000L, false);
    int port;
    try (MetricsServer server = MetricsServer.start(new MetricsConfig(true, "127.0.0.1", 0), m)) {
      port = server.port();
      assertThat(port).isPositive();
      assertThat(server.address()).isEqualTo("127.0.0.1:" + port);
      Scrape s = Scrape.of(port);
      assertThat(s.count("fpp4j_host_preimages_served_total")).isEqualTo(2);
      assertThat(s.count("fpp4j_host_preimage_served_bytes_total")).isEqualTo(40);
      assertThat(s.count("fpp4j_host_hints_total{type=\"l1-block-header\"}")).isEqualTo(2);
      assertThat(s.count("fpp4j_host_hints_total{type=\"unknown\"}")).isEqualTo(1);
      assertThat(s.count("fpp4j_host_store_hits_total")).isEqualTo(1);
      assertThat(s.count("fpp4j_host_store_misses_total")).isEqualTo(2);
      assertThat(s.count("fpp4j_host_fetch_retries_total")).isEqualTo(1);
      String labels = "endpoint=\"l1\",method=\"eth_getBlockByHash\"";
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{" + labels + "}")).isEqualTo(2);
      assertThat(s.value("fpp4j_host_rpc_duration_seconds_sum{" + labels + "}")).isEqualTo(2.003);
      // 3 ms falls in the first bucket (5 ms); 2 s first fits under 2.5 s.
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_bucket{" + labels + ",le=\"0.005\"}")).isEqualTo(1);
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_bucket{" + labels + ",le=\"1.0\"}")).isEqualTo(1);
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_bucket{" + labels + ",le=\"2.5\"}")).isEqualTo(2);
      assertThat(s.count("fpp4j_host_rpc_errors_total{" + labels + "}")).isEqualTo(1);
      assertThat(s.text()).contains("# HELP fpp4j_host_preimages_served_total ");
    }
    assertThatThrownBy(() -> Scrape.of(port)).isInstanceOf(ConnectException.class);
  }

  @Test
  void aPortInUseIsNamedInTheError() {
    PrometheusHostMetrics m = new PrometheusHostMetrics();
    try (MetricsServer first = MetricsServer.start(new MetricsConfig(true, "127.0.0.1", 0), m)) {
      assertThatThrownBy(() -> MetricsServer.start(new MetricsConfig(true, "127.0.0.1", first.port()), m))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot start the metrics endpoint on 127.0.0.1:" + first.port() + ": ");
    }
  }

  @Test
  void anUnknownHostIsNamed() {
    assertThatThrownBy(() -> MetricsServer.start(new MetricsConfig(true, "no-such-host.invalid", 0), new PrometheusHostMetrics()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot start the metrics endpoint on no-such-host.invalid:0: unknown host no-such-host.invalid");
  }

  @Test
  void theConfigRefusesAPortOutOfRange() {
    assertThatThrownBy(() -> new MetricsConfig(true, "0.0.0.0", 65536)).hasMessage("metrics port 65536 is not from 0 to 65535");
    assertThatThrownBy(() -> new MetricsConfig(true, " ", 1)).hasMessage("the metrics address is empty");
  }
}
