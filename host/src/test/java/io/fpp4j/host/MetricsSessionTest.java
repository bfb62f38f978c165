package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.host.metrics.Scrape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code host serve --exec} with {@code --metrics.enabled} and {@code --summary-json}: a real child program served
 * offline. The endpoint is scraped over HTTP when the run has ended but before the host closes it (from the
 * outcomes hook), and its counts must be the session summary's; afterwards nothing listens on the port.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetricsSessionTest {
  @TempDir Path tmp;

  record Run(int exitCode, RunOutcome outcome, Scrape scrape, String err) {}

  Run run(Path store, int port, String... extra) {
    List<String> args = new ArrayList<>(List.of("host", "serve", "--exec", Fixture.java(), "--data-dir", store.toString(),
        "--metrics.enabled", "--metrics.addr", "127.0.0.1", "--metrics.port", Integer.toString(port), "--summary-json"));
    args.addAll(List.of(extra));
    args.addAll(Fixture.localKeys(Fixture.claimHex()));
    args.addAll(List.of("--", "-cp", Fixture.classPath(), ClaimProgram.class.getName()));
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    AtomicReference<Scrape> scrape = new AtomicReference<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    HostWiring wiring = HostWiring.defaults().withStores(TestStores.opener())
        .withStreams(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), ProcessBuilder.Redirect.DISCARD,
            ProcessBuilder.Redirect.to(tmp.resolve("child-err").toFile()))
        .withOutcomes(o -> {
          outcome.set(o);
          try {
            scrape.set(Scrape.of(port));
          } catch (Exception e) {
            throw new AssertionError("scraping the metrics endpoint on port " + port + " failed", e);
          }
        });
    StringWriter cliErr = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), wiring, new PrintWriter(new StringWriter()), new PrintWriter(cliErr));
    return new Run(code, outcome.get(), scrape.get(), err.toString(StandardCharsets.UTF_8) + cliErr);
  }

  @Test
  void theEndpointCountsWhatTheSessionServedAndClosesWithTheHost() throws Exception {
    int port = Scrape.freePort();
    Run r = run(Fixture.store(tmp.resolve("db")), port);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(HostExitCode.VALID);
    var served = r.outcome().serve().stats();
    assertThat(served.preimageRequests()).isEqualTo(4); // local keys 1, 4 and 3, and the input
    Scrape s = r.scrape();
    assertThat(s.count("fpp4j_host_preimages_served_total")).isEqualTo(served.preimageRequests());
    assertThat(s.count("fpp4j_host_preimage_served_bytes_total")).isEqualTo(served.preimageBytes()).isEqualTo(92);
    assertThat(s.count("fpp4j_host_hints_total{type=\"l2-state-node\"}")).isEqualTo(served.hints()).isEqualTo(1);
    // Only the input is a global key, and the store holds it; local keys never reach the store.
    assertThat(s.count("fpp4j_host_store_hits_total")).isEqualTo(1);
    assertThat(s.count("fpp4j_host_store_misses_total")).isZero();
    assertThat(s.count("fpp4j_host_fetch_retries_total")).isZero();
    assertThatThrownBy(() -> Scrape.of(port)).as("the endpoint must be closed when the host exits")
        .isInstanceOf(ConnectException.class);

    JsonNode json = summaryJson(r.err());
    assertThat(json.get("mode").asText()).isEqualTo("exec");
    assertThat(json.get("claim").asText()).isEqualTo("local keys: indices 1, 3, 4");
    assertThat(json.get("verdict").asText()).isEqualTo("valid");
    assertThat(json.get("programExit").asInt()).isZero();
    assertThat(json.get("exitCode").asInt()).isZero();
    assertThat(json.get("exitMeaning").asText()).isEqualTo("valid claim");
    assertThat(json.get("served").get("preimages").asLong()).isEqualTo(4);
    assertThat(json.get("served").get("bytes").asLong()).isEqualTo(92);
    assertThat(json.get("served").get("hints").asLong()).isEqualTo(1);
    assertThat(json.get("served").get("hintBytes").asLong()).isEqualTo(served.hintBytes()).isPositive();
    assertThat(json.get("fetched").get("fetches").asLong()).isZero();
    assertThat(json.get("elapsedMillis").asLong()).isEqualTo(r.outcome().elapsed().toMillis());
    assertThat(json.get("hostFailure").isNull()).isTrue();
    assertThat(json.get("note").isNull()).isTrue();
    assertThat(json.fieldNames()).toIterable().containsExactly("mode", "claim", "verdict", "programExit", "exitCode",
        "exitMeaning", "served", "fetched", "elapsedMillis", "hostFailure", "note");
  }

  @Test
  void aMissingPreimageIsAMissInTheMetricsAndAHostFailureInTheJsonSummary() throws Exception {
    Run r = run(Fixture.emptyStore(tmp.resolve("empty")), Scrape.freePort());
    assertThat(r.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(r.scrape().count("fpp4j_host_store_misses_total")).isEqualTo(1);
    assertThat(r.scrape().count("fpp4j_host_store_hits_total")).isZero();
    assertThat(r.scrape().count("fpp4j_host_preimages_served_total")).isEqualTo(r.outcome().serve().stats().preimageRequests()).isEqualTo(1);
    JsonNode json = summaryJson(r.err());
    assertThat(json.get("exitCode").asInt()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(json.get("exitMeaning").asText()).isEqualTo("host failure");
    assertThat(json.get("hostFailure").asText()).contains(Fixture.INPUT_KEY.hex()).contains("offline");
  }

  @Test
  void theProgressLineFlagIsChecked() {
    Run r = run(Fixture.store(tmp.resolve("db")), 0, "--progress-interval", "soon");
    assertThat(r.exitCode()).isEqualTo(HostExitCode.USAGE);
    assertThat(r.outcome()).isNull();
    assertThat(r.err()).contains("error: invalid --progress-interval: invalid duration 'soon'");
  }

  /** The one line of standard error that is a JSON object: the summary, which must parse with Jackson. */
  static JsonNode summaryJson(String err) throws Exception {
    List<String> lines = err.lines().filter(l -> l.startsWith("{")).toList();
    assertThat(lines).as(err).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.isObject()).isTrue();
    return json;
  }
}
