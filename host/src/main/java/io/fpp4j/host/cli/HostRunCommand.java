package io.fpp4j.host.cli;

import ch.qos.logback.classic.Level;
import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.host.HostLauncher;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.SummaryJson;
import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.host.metrics.MetricsConfig;
import io.fpp4j.host.metrics.MetricsServer;
import io.fpp4j.host.metrics.PrometheusHostMetrics;
import io.fpp4j.host.mode.NativeMode;
import io.fpp4j.host.mode.StdioKernel;
import io.fpp4j.host.serve.Backoff;
import io.fpp4j.host.serve.Durations;
import io.fpp4j.host.serve.RetryPolicy;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the three run commands share: logging, retry policy, native-program and exec options, checking the
 * flags into a {@link HostPlan}, running it and printing the summary. Every problem found while checking
 * is a usage error (exit 4) whose message names the flag, or the environment variable it came from.
 */
abstract class HostRunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("io.fpp4j.host");

  @Spec CommandSpec spec;

  final HostWiring wiring;

  @Option(order = 101, names = "--log-level", paramLabel = "LEVEL", description = "error, warn, info (default), debug or trace.")
  String logLevel;

  @Option(order = 102, names = "--retry", paramLabel = "POLICY", defaultValue = "forever",
      description = "What an online host does when a preimage is still missing after fetching for the last hint: "
          + "forever (default; upstream's behaviour) or bounded (give up after --retry-attempts). A miss with no hint "
          + "fails at once under both; waits follow the backoff, never a tight loop.")
  String retry;

  @Option(order = 103, names = "--retry-attempts", paramLabel = "N", defaultValue = "5",
      description = "Attempts per missing preimage under --retry bounded (default ${DEFAULT-VALUE}).")
  int retryAttempts;

  @Option(order = 104, names = "--retry-min-backoff", paramLabel = "DURATION",
      description = "First wait between attempts (default 100ms forever, 50ms bounded). Units ms, s, m, h.")
  String retryMinBackoff;

  @Option(order = 105, names = "--retry-max-backoff", paramLabel = "DURATION",
      description = "Longest wait between attempts; the wait doubles up to it (default 10s forever, 1s bounded).")
  String retryMaxBackoff;

  @Option(order = 106, names = "--retry-jitter", paramLabel = "DURATION",
      description = "Random extra wait up to this (default 250ms forever, 25ms bounded).")
  String retryJitter;

  @Option(order = 107, names = "--program", paramLabel = "CLASS",
      description = "Native mode: the fully qualified name of a Java class implementing io.fpp4j.fpvm.FaultProofProgram "
          + "with a public no-argument constructor, on the host's class path. Env FPP4J_PROGRAM (host single, super, op-program).")
  String programClass;

  @Option(order = 108, names = "--native-transport", paramLabel = "KIND", defaultValue = "direct",
      description = "Native mode: direct (default; the program calls the host's fetchers, no channels), os-pipe "
          + "(two OS pipes per channel, the plain ABI) or memory (in-JVM pipes, the plain ABI).")
  String nativeTransport;

  @Option(order = 109, names = "--exec-open-timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "Exec mode: how long the program may take to open descriptors 3 to 6 (default ${DEFAULT-VALUE}).")
  String execOpenTimeout;

  @Option(order = 110, names = "--metrics.enabled", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Serve Prometheus metrics on --metrics.addr:--metrics.port at /metrics while the host runs "
          + "(op-service's and kona-cli's flag; see docs/observability.md).")
  boolean metricsEnabled;

  @Option(order = 111, names = "--metrics.addr", paramLabel = "ADDR",
      description = "Address the metrics endpoint listens on: an IP address or a host name (default 0.0.0.0).")
  String metricsAddr;

  @Option(order = 112, names = "--metrics.port", paramLabel = "PORT",
      description = "Port of the metrics endpoint, 0 to 65535; 0 picks a free one (default 7300 op-program and serve, 9090 single and super).")
  String metricsPort;

  @Option(order = 113, names = "--progress-interval", paramLabel = "DURATION", defaultValue = "5s",
      description = "How often a long run logs its progress line, and a long fetch its own (default ${DEFAULT-VALUE}).")
  String progressInterval;

  @Option(order = 114, names = "--summary-json",
      description = "Print the end summary as one JSON line on standard error instead of the text lines.")
  boolean summaryJson;

  /** {@code fpp4j host}: holds kona-host's global flags when they come before the subcommand. */
  @ParentCommand Main.HostGroup hostGroup;

  @Parameters(paramLabel = "ARG", arity = "0..*",
      description = "Exec mode: arguments passed to the program, after --, e.g. --exec /bin/client -- --flag value.")
  List<String> programArgs = new ArrayList<>();

  HostRunCommand(HostWiring wiring) {
    this.wiring = wiring;
  }

  /** The dialect name for default native programs: {@code single}, {@code op-program} or {@code serve}. */
  abstract String dialect();

  /** Environment variable by option name, for {@link EnvDefaults} and messages. */
  abstract Map<String, String> envVariables();

  /** The dialect's own log level flag, if given (Kona's -v, op-program's --log.level). */
  Optional<Level> dialectLogLevel() {
    return Optional.empty();
  }

  /** Checks the flags and builds the plan; throws {@link IllegalArgumentException} naming the bad flag. */
  abstract HostPlan plan();

  /** The metrics of this run, once {@link #call} has read the flags: what {@link #plan} hands the online handlers. */
  HostMetrics metrics = HostMetrics.NONE;

  @Override
  public Integer call() {
    HostPlan plan;
    MetricsConfig metricsConfig;
    try {
      rejectGlobalsOfOtherDialects();
      Level level = logLevel != null ? Logging.parse(logLevel, "--log-level") : dialectLogLevel().orElse(Level.INFO);
      Logging.apply(level);
      metricsConfig = metricsConfig();
      PrometheusHostMetrics prometheus = metricsConfig.enabled() ? new PrometheusHostMetrics() : null;
      if (prometheus != null) metrics = prometheus;
      plan = plan();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    HostLauncher launcher = new HostLauncher(wiring.stores(), new StdioKernel(wiring.out(), wiring.err()),
        wiring.childStdout(), wiring.childStderr(), metrics);
    // Started only now that every flag is checked; closed when the run has been reported, so a last scrape (or
    // the outcomes hook of a test) still sees the final counts.
    try (MetricsServer server = metrics instanceof PrometheusHostMetrics p ? MetricsServer.start(metricsConfig, p) : null) {
      if (server != null) LOG.info("metrics: Prometheus endpoint on http://{}/metrics", server.address());
      RunOutcome outcome = launcher.launch(plan);
      if (summaryJson) {
        wiring.err().println(SummaryJson.line(outcome));
        wiring.err().flush();
        if (outcome.hostFailure() != null) LOG.debug("host failure", outcome.hostFailure());
      } else {
        report(outcome);
      }
      wiring.outcomes().accept(outcome);
      return outcome.exitCode();
    }
  }

  static void report(RunOutcome outcome) {
    for (String line : outcome.summary()) {
      if (line.startsWith("HOST FAILURE")) {
        LOG.error(line);
      } else {
        LOG.info(line);
      }
    }
    if (outcome.hostFailure() != null) LOG.debug("host failure", outcome.hostFailure());
  }

  /** The Java client --native runs, for launchers whose argument lists cannot carry --program (op-challenger's). */
  static final Map<String, String> PROGRAM_ENV = Map.of("--program", "FPP4J_PROGRAM");

  /** A Kona command's variables with kona-host's logging variables and fpp4j's {@code FPP4J_PROGRAM}. */
  static Map<String, String> withLogging(Map<String, String> base) {
    Map<String, String> all = new java.util.HashMap<>(base);
    all.putAll(KonaOptions.LOG_ENV);
    all.putAll(KonaOptions.METRICS_ENV);
    all.putAll(PROGRAM_ENV);
    return Map.copyOf(all);
  }

  /** The port the metrics endpoint listens on unless --metrics.port says otherwise. */
  int defaultMetricsPort() {
    return 7300;
  }

  /** The metrics port as this dialect reads numbers (decimal here; op-program's Go base 0). */
  long metricsPortNumber(String value) {
    String v = value.trim();
    if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 9) throw new NumberFormatException("not a decimal port number");
    return Long.parseLong(v);
  }

  /** --metrics.*, checked whether or not metrics are enabled, so that a typo shows before it matters. */
  MetricsConfig metricsConfig() {
    String address = metricsAddr == null ? "0.0.0.0" : metricsAddr.trim();
    if (address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("invalid " + where("--metrics.addr") + " '" + metricsAddr + "': give an IP address or a host name");
    }
    int port = defaultMetricsPort();
    if (metricsPort != null) {
      long n;
      try {
        n = metricsPortNumber(metricsPort);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid " + where("--metrics.port") + " '" + metricsPort + "': " + e.getMessage()
            + " (use a port from 0 to 65535)");
      }
      if (n < 0 || n > 65535) {
        throw new IllegalArgumentException("invalid " + where("--metrics.port") + " '" + metricsPort + "': use a port from 0 to 65535");
      }
      port = (int) n;
    }
    return new MetricsConfig(metricsEnabled, address, port);
  }

  Duration progressInterval() {
    Duration d;
    try {
      d = Durations.parse(progressInterval);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid --progress-interval: " + e.getMessage(), e);
    }
    if (d.isZero()) throw new IllegalArgumentException("invalid --progress-interval '" + progressInterval + "': must be above zero");
    return d;
  }

  /** Whether this command takes kona-host's global flags before the subcommand ({@code host single}, {@code host super}). */
  boolean takesKonaGlobals() {
    return false;
  }

  private void rejectGlobalsOfOtherDialects() {
    if (hostGroup == null || takesKonaGlobals()) return;
    String given = hostGroup.kona.given();
    if (given != null) {
      throw new IllegalArgumentException(given + " before the subcommand is kona-host's global flag: only 'host single' and "
          + "'host super' take it there; this command takes --log-level" + (dialect().equals("op-program") ? " or --log.level" : ""));
    }
  }

  // ---- helpers for the dialects' checks ----

  /** kona-host's modes: exactly one of {@code --native} and {@code --server}, or fpp4j's {@code --exec}. */
  static void requireOneKonaMode(boolean nativeMode, boolean serverMode, String exec) {
    List<String> modes = new ArrayList<>();
    if (nativeMode) modes.add("--native");
    if (serverMode) modes.add("--server");
    if (exec != null) modes.add("--exec");
    if (modes.size() > 1) throw new IllegalArgumentException(String.join(" and ", modes) + " cannot be used together");
    if (modes.isEmpty()) throw new IllegalArgumentException("one of --native, --server or --exec is required");
  }

  /**
   * kona-host's online rule: the L1, L2 and beacon endpoints ({@code {flag, value}} each) are given together, and
   * without them {@code --data-dir} is required.
   */
  void requireKonaEndpoints(String[][] rpcs, Path dataDir) {
    List<String> given = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String[] r : rpcs) (r[1] != null ? given : absent).add(r[0]);
    if (!given.isEmpty() && !absent.isEmpty()) {
      throw new IllegalArgumentException(where(given.get(0)) + " requires " + String.join(" and ", absent)
          + ": the three endpoints go together");
    }
    if (given.isEmpty() && dataDir == null) {
      throw new IllegalArgumentException(missing("--data-dir") + " unless " + rpcs[0][0] + ", " + rpcs[1][0] + " and "
          + rpcs[2][0] + " are all given (offline, every preimage comes from the data directory)");
    }
  }

  void requireKonaDataFormat(String dataFormat) {
    String fmt = dataFormat.trim().toLowerCase(Locale.ROOT);
    if (!fmt.equals("directory") && !fmt.equals("rocksdb")) {
      throw new IllegalArgumentException("invalid " + where("--data-format") + " '" + dataFormat + "': use directory or rocksdb");
    }
  }

  /** {@code --flag} or {@code --flag (from env VAR)}, whichever supplied the value. */
  String where(String option) {
    boolean onCommandLine = spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption(option);
    String var = envVariables().get(option);
    return onCommandLine || var == null ? option : option + " (from env " + var + ")";
  }

  String missing(String option) {
    String var = envVariables().get(option);
    return "missing required flag " + option + (var == null ? "" : " (or env " + var + ")");
  }

  <T> T require(T value, String option) {
    if (value == null) throw new IllegalArgumentException(missing(option));
    return value;
  }

  Bytes32 hash(String value, String option) {
    require(value, option);
    try {
      return Bytes32.wrap(Hex.decode(value.trim(), 32, "a 32-byte hash"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + where(option) + " '" + value + "': " + e.getMessage(), e);
    }
  }

  /** An interop pre-state given in hex: decoded, then parsed as a super root or a transition state. */
  AgreedPrestate agreedPrestate(String value, String option) {
    byte[] raw;
    try {
      raw = Hex.decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + where(option) + ": " + e.getMessage(), e);
    }
    return AgreedPrestate.parse(raw, where(option));
  }

  /** An unsigned 64-bit decimal number. */
  long u64(String value, String option) {
    require(value, option);
    String v = value.trim();
    try {
      if (v.isEmpty() || !v.chars().allMatch(Character::isDigit)) throw new NumberFormatException();
      return Long.parseUnsignedLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + where(option) + " '" + value
          + "': expected a decimal number from 0 to 18446744073709551615");
    }
  }

  RetryPolicy retryPolicy() {
    String name = retry.trim().toLowerCase(Locale.ROOT);
    Backoff defaults = switch (name) {
      case "forever" -> Backoff.FOREVER_DEFAULT;
      case "bounded" -> Backoff.BOUNDED_DEFAULT;
      default -> throw new IllegalArgumentException("invalid --retry '" + retry + "': use forever or bounded");
    };
    if (retryAttempts < 1) throw new IllegalArgumentException("invalid --retry-attempts " + retryAttempts + ": must be at least 1");
    try {
      Backoff backoff = new Backoff(
          retryMinBackoff == null ? defaults.min() : Durations.parse(retryMinBackoff),
          retryMaxBackoff == null ? defaults.max() : Durations.parse(retryMaxBackoff),
          retryJitter == null ? defaults.jitter() : Durations.parse(retryJitter));
      return RetryPolicy.of(name, retryAttempts, backoff);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid retry backoff: " + e.getMessage(), e);
    }
  }

  NativeMode.Transport transport() {
    return switch (nativeTransport.trim().toLowerCase(Locale.ROOT)) {
      case "direct" -> NativeMode.Transport.DIRECT;
      case "os-pipe" -> NativeMode.Transport.OS_PIPE;
      case "memory" -> NativeMode.Transport.MEMORY;
      default -> throw new IllegalArgumentException("invalid --native-transport '" + nativeTransport + "': use direct, os-pipe or memory");
    };
  }

  Duration openTimeout() {
    try {
      return Durations.parse(execOpenTimeout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid --exec-open-timeout: " + e.getMessage(), e);
    }
  }

  /** The in-process program: {@code --program}, else the dialect's wired default. */
  FaultProofProgram nativeProgram(String modeFlag) {
    if (programClass != null) return loadProgram(programClass);
    return wiring.nativeProgram(dialect()).orElseThrow(() -> new IllegalArgumentException(modeFlag
        + " runs a Java client in this process: name its class with --program CLASS (no default client is "
        + "bundled for '" + dialect() + "'), or run a client binary with --exec PATH"));
  }

  static FaultProofProgram loadProgram(String className) {
    Class<?> c;
    try {
      c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("invalid --program '" + className + "': no such class on the class path (the fpp4j launcher adds FPP4J_PROGRAM_CP to it)", e);
    }
    if (!FaultProofProgram.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException("invalid --program '" + className + "': it does not implement "
          + FaultProofProgram.class.getName());
    }
    try {
      Constructor<?> ctor = c.getDeclaredConstructor();
      return (FaultProofProgram) ctor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("invalid --program '" + className + "': cannot construct it with a public "
          + "no-argument constructor: " + e, e);
    }
  }

  /** The exec command: the path as given (a whole path, as op-program takes it) and the arguments after --. */
  List<String> execCommand(String path, String option) {
    if (path.isBlank()) throw new IllegalArgumentException("invalid " + where(option) + ": the program path is empty");
    if (path.contains("/")) {
      Path p = Path.of(path);
      if (!Files.exists(p)) throw new IllegalArgumentException("invalid " + where(option) + " '" + path + "': no such file");
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new IllegalArgumentException("invalid " + where(option) + " '" + path + "': not an executable file");
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(path);
    cmd.addAll(programArgs);
    return cmd;
  }

  void noProgramArgsUnlessExec(boolean exec) {
    if (!exec && !programArgs.isEmpty()) {
      throw new IllegalArgumentException("unexpected argument '" + programArgs.get(0)
          + "': program arguments are only accepted with --exec (after --)");
    }
  }

  /** Splits comma-separated values of a repeatable option, as urfave's string slices do. */
  static List<String> splitCommas(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values == null) return out;
    for (String v : values) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) out.add(part.trim());
      }
    }
    return out;
  }
}
