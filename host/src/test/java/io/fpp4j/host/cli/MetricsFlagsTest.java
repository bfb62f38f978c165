package io.fpp4j.host.cli;

import static io.fpp4j.host.cli.Cli.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.metrics.MetricsConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The observability flags: op-service's and kona-cli's {@code --metrics.enabled/addr/port} (with each dialect's
 * environment variables, defaults and number forms), {@code --progress-interval}, {@code --summary-json}, and
 * kona-host's global {@code -v}/{@code -q} before the subcommand.
 */
class MetricsFlagsTest {
  static final HostWiring W = HostWiring.defaults();
  static final String[] OP = concat(OpProgramFlagsTest.BOOT, "--network", "op-mainnet", "--datadir", "d", "--server");
  static final String[] SINGLE = concat(SingleChainFlagsTest.DEFAULTS, "--server", "--l2-chain-id", "10", "--data-dir", "d");

  static MetricsConfig metrics(HostWiring w, String dialect, String... args) {
    return Cli.<HostRunCommand>parse(w, dialect, args).metricsConfig();
  }

  static String metricsError(HostWiring w, String dialect, String... args) {
    HostRunCommand c = Cli.parse(w, dialect, args);
    try {
      c.metricsConfig();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void metricsAreOffByDefaultWithEachPeersDefaultAddressAndPort() {
    assertThat(metrics(W, "op-program", OP)).isEqualTo(new MetricsConfig(false, "0.0.0.0", 7300));
    assertThat(metrics(W, "single", SINGLE)).isEqualTo(new MetricsConfig(false, "0.0.0.0", 9090));
    assertThat(metrics(W, "super", SuperFlagsTest.BOOT)).isEqualTo(new MetricsConfig(false, "0.0.0.0", 9090));
    assertThat(metrics(W, "serve", "--server")).isEqualTo(new MetricsConfig(false, "0.0.0.0", 7300));
  }

  @Test
  void theFlagsSetAllThree() {
    assertThat(metrics(W, "op-program", concat(OP, "--metrics.enabled", "--metrics.addr", "127.0.0.1", "--metrics.port", "7301")))
        .isEqualTo(new MetricsConfig(true, "127.0.0.1", 7301));
    assertThat(metrics(W, "single", concat(SINGLE, "--metrics.enabled=true", "--metrics.addr", "::1", "--metrics.port", "0")))
        .isEqualTo(new MetricsConfig(true, "::1", 0));
    assertThat(metrics(W, "op-program", concat(OP, "--metrics.enabled=false")).enabled()).isFalse();
    // urfave reads an int flag in Go's base 0, as op-program reads its other numbers.
    assertThat(metrics(W, "op-program", concat(OP, "--metrics.port", "0x1c85")).port()).isEqualTo(7301);
  }

  @Test
  void eachDialectReadsItsPeersEnvironmentVariables() {
    HostWiring op = Cli.env(Map.of("OP_PROGRAM_METRICS_ENABLED", "1", "OP_PROGRAM_METRICS_ADDR", "10.0.0.5", "OP_PROGRAM_METRICS_PORT", "7400"));
    assertThat(metrics(op, "op-program", OP)).isEqualTo(new MetricsConfig(true, "10.0.0.5", 7400));
    HostWiring kona = Cli.env(Map.of("KONA_METRICS_ENABLED", "yes", "KONA_METRICS_ADDR", "127.0.0.1", "KONA_METRICS_PORT", "9191"));
    assertThat(metrics(kona, "single", SINGLE)).isEqualTo(new MetricsConfig(true, "127.0.0.1", 9191));
    assertThat(metrics(kona, "super", SuperFlagsTest.BOOT)).isEqualTo(new MetricsConfig(true, "127.0.0.1", 9191));
    // The command line wins over the environment; the other dialect's variables are not read.
    assertThat(metrics(kona, "single", concat(SINGLE, "--metrics.port", "9292")).port()).isEqualTo(9292);
    assertThat(metrics(kona, "op-program", OP)).isEqualTo(new MetricsConfig(false, "0.0.0.0", 7300));
  }

  @Test
  void badValuesAreUsageErrorsNamingTheFlagOrItsVariable() {
    assertThat(metricsError(W, "single", concat(SINGLE, "--metrics.port", "70000")))
        .isEqualTo("invalid --metrics.port '70000': use a port from 0 to 65535");
    assertThat(metricsError(W, "single", concat(SINGLE, "--metrics.port", "http")))
        .isEqualTo("invalid --metrics.port 'http': not a decimal port number (use a port from 0 to 65535)");
    assertThat(metricsError(W, "op-program", concat(OP, "--metrics.port", "-1")))
        .isEqualTo("invalid --metrics.port '-1': '-' is not a base-10 digit (use a port from 0 to 65535)");
    assertThat(metricsError(W, "op-program", concat(OP, "--metrics.port", "0x10000")))
        .isEqualTo("invalid --metrics.port '0x10000': use a port from 0 to 65535");
    assertThat(metricsError(Cli.env(Map.of("KONA_METRICS_PORT", "99999")), "single", SINGLE))
        .isEqualTo("invalid --metrics.port (from env KONA_METRICS_PORT) '99999': use a port from 0 to 65535");
    assertThat(metricsError(W, "serve", "--server", "--metrics.addr", "my host"))
        .isEqualTo("invalid --metrics.addr 'my host': give an IP address or a host name");
    Run r = run("host", "op-program", "--metrics.enabled=maybe");
    assertThat(r.code()).isEqualTo(HostExitCode.USAGE);
    assertThat(r.err()).contains("--metrics.enabled").contains("maybe");
    Run port = run(concat(new String[] {"host", "op-program"}, concat(OP, "--metrics.enabled", "--metrics.port", "65536")));
    assertThat(port.code()).isEqualTo(HostExitCode.USAGE);
    assertThat(port.err()).contains("error: invalid --metrics.port '65536': use a port from 0 to 65535");
  }

  @Test
  void progressIntervalAndSummaryJson() {
    HostRunCommand plain = Cli.parse(W, "serve", "--server");
    assertThat(plain.progressInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(plain.summaryJson).isFalse();
    HostRunCommand set = Cli.parse(W, "op-program", concat(OP, "--progress-interval", "1m", "--summary-json"));
    assertThat(set.progressInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(set.summaryJson).isTrue();
    assertThat(set.plan().progressInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> Cli.<HostRunCommand>parse(W, "serve", "--server", "--progress-interval", "0s").progressInterval())
        .hasMessage("invalid --progress-interval '0s': must be above zero");
    assertThatThrownBy(() -> Cli.<HostRunCommand>parse(W, "serve", "--server", "--progress-interval", "5").progressInterval())
        .hasMessageStartingWith("invalid --progress-interval: invalid duration '5'");
  }

  @Test
  void konaHostsGlobalVerbosityMayComeBeforeTheSubcommand() {
    assertThat(konaLevel("single", List.of("-vvvv"), List.of())).isEqualTo(Level.DEBUG);
    assertThat(konaLevel("super", List.of("-v"), List.of())).isEqualTo(Level.ERROR);
    // Before and after count together, as when the bin/kona-host launcher moved them all after the subcommand.
    assertThat(konaLevel("single", List.of("-vv"), List.of("-v"))).isEqualTo(Level.INFO);
    assertThat(konaLevel("single", List.of("-q"), List.of())).isEqualTo(Level.OFF);
    assertThat(konaLevel("single", List.of("--logs.stdout.format", "json", "-vvvvv"), List.of())).isEqualTo(Level.TRACE);
    assertThat(konaLevel("single", List.of(), List.of("-vv"))).isEqualTo(Level.WARN);
  }

  private static Level konaLevel(String dialect, List<String> before, List<String> after) {
    List<String> args = new ArrayList<>(List.of("host"));
    args.addAll(before);
    args.add(dialect);
    args.addAll(List.of(dialect.equals("single") ? SINGLE : SuperFlagsTest.BOOT));
    args.addAll(after);
    var pr = Main.commandLine(W).parseArgs(args.toArray(String[]::new));
    HostRunCommand cmd = (HostRunCommand) pr.subcommand().subcommand().commandSpec().userObject();
    return cmd.dialectLogLevel().orElseThrow();
  }

  @Test
  void konaGlobalsBeforeAnotherSubcommandAreRefused() {
    Run op = run(concat(new String[] {"host", "-v", "op-program"}, OP));
    assertThat(op.code()).isEqualTo(HostExitCode.USAGE);
    assertThat(op.err()).contains("error: -v before the subcommand is kona-host's global flag: only 'host single' and 'host super' "
        + "take it there; this command takes --log-level or --log.level");
    Run serve = run("host", "-q", "serve", "--server");
    assertThat(serve.code()).isEqualTo(HostExitCode.USAGE);
    assertThat(serve.err()).contains("error: -q before the subcommand is kona-host's global flag");
  }

  @Test
  void aPortInUseStopsTheHostBeforeItServesWithAHostFailure() throws Exception {
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.fpp4j.host");
    var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    logged.start();
    log.addAppender(logged);
    var outcomes = new java.util.concurrent.atomic.AtomicInteger();
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      StringWriter err = new StringWriter();
      // Were the endpoint not started first, this would run the program, which fails without its local keys (exit 2).
      int code = Main.run(new String[] {"host", "serve", "--native", "--program", "io.fpp4j.host.ClaimProgram",
          "--metrics.enabled", "--metrics.addr", "127.0.0.1", "--metrics.port", Integer.toString(port)},
          W.withOutcomes(o -> outcomes.incrementAndGet()), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
      assertThat(code).as(err.toString()).isEqualTo(HostExitCode.HOST_FAILURE);
      assertThat(outcomes).as("no run took place").hasValue(0);
      assertThat(logged.list).extracting(e -> e.getFormattedMessage())
          .anyMatch(m -> m.startsWith("host failure: java.io.UncheckedIOException: cannot start the metrics endpoint on 127.0.0.1:" + port + ": "));
    } finally {
      log.detachAppender(logged);
    }
  }

  record Run(int code, String err) {}

  static Run run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, W, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    return new Run(code, err.toString());
  }
}
