package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.host.metrics.MetricsConfig;
import io.fpp4j.host.metrics.MetricsServer;
import io.fpp4j.host.metrics.PrometheusHostMetrics;
import io.fpp4j.host.metrics.Scrape;
import io.fpp4j.primitives.Hex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The metrics of an online host: {@code host single --native} with {@code --metrics.enabled} serves
 * {@link BlobProgram} a blob fetched from a stub beacon node whose first blobs request fails, so the host retries
 * once; the scrape (taken when the run has ended, before the endpoint closes) must show the session's counts, the
 * hints by type, the retry, and each beacon route's calls and failures. And the JSON-RPC client's timing per method.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetricsOnlineTest {
  @Test
  void anOnlineSessionsCountsRetriesAndRemoteCallsAreScraped() throws Exception {
    byte[] result = Hex.decode("01" + PrecompileHandlerTest.GETH_VECTOR_OUTPUT);
    String claim = Hex.prefixed(BlobProgram.claim(BlobHandlerTest.BLOB, result));
    int port = Scrape.freePort();
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    AtomicReference<Scrape> scrape = new AtomicReference<>();
    int code;
    try (RpcStub beacon = new BlobProgramTest().beacon()) {
      beacon.failNext("/eth/v1/beacon/blobs/" + BlobHandlerTest.SLOT, 1, 503);
      List<String> args = List.of("host", "-vv", "single", "--native", "--program", BlobProgram.class.getName(),
          "--l1-head", Hex.prefixed(BlobHandlerTest.VERSIONED), "--agreed-l2-head-hash", GethOnlineTest.ZERO,
          "--agreed-l2-output-root", GethOnlineTest.ZERO, "--claimed-l2-output-root", claim,
          "--claimed-l2-block-number", Long.toString(BlobHandlerTest.TIMESTAMP), "--l2-chain-id", "901",
          "--l1-node-address", "http://127.0.0.1:9", "--l2-node-address", "http://127.0.0.1:9",
          "--l1-beacon-address", beacon.url(), "--retry", "bounded", "--retry-attempts", "3",
          "--metrics.enabled", "--metrics.addr", "127.0.0.1", "--metrics.port", Integer.toString(port));
      HostWiring wiring = HostWiring.defaults().withOutcomes(o -> {
        outcome.set(o);
        try {
          scrape.set(Scrape.of(port));
        } catch (Exception e) {
          throw new AssertionError("scraping port " + port + " failed", e);
        }
      });
      StringWriter err = new StringWriter();
      code = Main.run(args.toArray(String[]::new), wiring, new PrintWriter(new StringWriter()), new PrintWriter(err));
      assertThat(code).as(err + String.valueOf(outcome.get() == null ? null : outcome.get().summary())).isEqualTo(HostExitCode.VALID);
    }
    RunOutcome o = outcome.get();
    Scrape s = scrape.get();
    assertThat(s.count("fpp4j_host_preimages_served_total")).isEqualTo(o.serve().stats().preimageRequests())
        .isEqualTo(3 + 1 + 4096 + 1); // local keys 1, 4, 3; the commitment, 4096 field elements, the precompile result
    assertThat(s.count("fpp4j_host_preimage_served_bytes_total")).isEqualTo(o.serve().stats().preimageBytes());
    assertThat(s.count("fpp4j_host_hints_total{type=\"l1-blob\"}")).isEqualTo(1);
    assertThat(s.count("fpp4j_host_hints_total{type=\"l1-precompile\"}")).isEqualTo(1);
    // The commitment and the precompile result are fetched; the blob's field elements were stored with the commitment.
    assertThat(s.count("fpp4j_host_store_misses_total")).isEqualTo(2);
    assertThat(s.count("fpp4j_host_store_hits_total")).isEqualTo(4096);
    assertThat(s.count("fpp4j_host_fetch_retries_total")).isEqualTo(o.fetch().retries()).isEqualTo(1);
    String blobs = "endpoint=\"beacon\",method=\"/eth/v1/beacon/blobs\"";
    String sidecars = "endpoint=\"beacon\",method=\"/eth/v1/beacon/blob_sidecars\"";
    assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{" + blobs + "}")).isEqualTo(2);
    assertThat(s.count("fpp4j_host_rpc_errors_total{" + blobs + "}")).isEqualTo(1);
    // The fallback after the failed blobs request: nothing is registered for it, so it fails too.
    assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{" + sidecars + "}")).isEqualTo(1);
    assertThat(s.count("fpp4j_host_rpc_errors_total{" + sidecars + "}")).isEqualTo(1);
    // Genesis and slot length are read once and kept.
    assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{endpoint=\"beacon\",method=\"/eth/v1/beacon/genesis\"}")).isEqualTo(1);
    assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{endpoint=\"beacon\",method=\"/eth/v1/config/spec\"}")).isEqualTo(1);
    assertThat(s.samples().keySet()).noneMatch(k -> k.startsWith("fpp4j_host_rpc_errors_total{endpoint=\"beacon\",method=\"/eth/v1/beacon/genesis\""));
  }

  @Test
  void theJsonRpcClientTimesEachCallUnderItsMethod() throws Exception {
    PrometheusHostMetrics metrics = new PrometheusHostMetrics();
    try (RpcStub node = new RpcStub().on("eth_chainId", params -> TextNode.valueOf("0x385"));
         MetricsServer server = MetricsServer.start(new MetricsConfig(true, "127.0.0.1", 0), metrics)) {
      JsonRpcClient rpc = new JsonRpcClient(node.url(), "L1 execution node", Duration.ofSeconds(10), "l1", metrics);
      assertThat(rpc.call("eth_chainId").asText()).isEqualTo("0x385");
      assertThat(rpc.call("eth_chainId").asText()).isEqualTo("0x385");
      assertThatThrownBy(() -> rpc.call("eth_noSuchMethod")).isInstanceOf(RpcException.class);
      Scrape s = Scrape.of(server.port());
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{endpoint=\"l1\",method=\"eth_chainId\"}")).isEqualTo(2);
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_bucket{endpoint=\"l1\",method=\"eth_chainId\",le=\"+Inf\"}")).isEqualTo(2);
      assertThat(s.value("fpp4j_host_rpc_duration_seconds_sum{endpoint=\"l1\",method=\"eth_chainId\"}")).isPositive();
      assertThat(s.samples()).doesNotContainKey("fpp4j_host_rpc_errors_total{endpoint=\"l1\",method=\"eth_chainId\"}");
      assertThat(s.count("fpp4j_host_rpc_duration_seconds_count{endpoint=\"l1\",method=\"eth_noSuchMethod\"}")).isEqualTo(1);
      assertThat(s.count("fpp4j_host_rpc_errors_total{endpoint=\"l1\",method=\"eth_noSuchMethod\"}")).isEqualTo(1);
    }
  }

  @Test
  void beaconRoutesDropTheSlotAndTheQuery() {
    assertThat(BeaconClient.route("/eth/v1/beacon/blobs/123?versioned_hashes=0x01")).isEqualTo("/eth/v1/beacon/blobs");
    assertThat(BeaconClient.route("/eth/v1/beacon/blob_sidecars/9")).isEqualTo("/eth/v1/beacon/blob_sidecars");
    assertThat(BeaconClient.route("/eth/v1/config/spec")).isEqualTo("/eth/v1/config/spec");
  }
}
