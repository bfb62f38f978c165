package io.fpp4j.host.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags kona-host's {@code single} and {@code super} share, with fpp4j's {@code --exec} and
 * {@code --data-format}: a picocli mixin of both commands. Each command's own table says which of them have
 * environment variables.
 */
final class KonaOptions {
  @Option(names = {"--l1-node-address", "--l1"}, paramLabel = "URL",
      description = "L1 JSON-RPC endpoint; online only together with the L2 and beacon endpoints. Env L1_NODE_ADDRESS.")
  String l1NodeAddress;

  @Option(names = {"--l1-beacon-address", "--beacon"}, paramLabel = "URL",
      description = "L1 beacon API endpoint; online only together with the L1 and L2 endpoints. Env L1_BEACON_ADDRESS.")
  String l1BeaconAddress;

  @Option(names = {"--data-dir", "--db"}, paramLabel = "DIR",
      description = "Preimage store directory; required unless all three endpoints are given. Env DATA_DIR.")
  Path dataDir;

  @Option(names = "--data-format", paramLabel = "FORMAT", defaultValue = "directory",
      description = "Format of a new data directory: directory (default) or rocksdb; an existing kvformat marker wins. Env DATA_FORMAT.")
  String dataFormat;

  @Option(names = "--native", description = "Run the client in this process (a Java FaultProofProgram, see --program).")
  boolean nativeMode;

  @Option(names = "--server", description = "Only serve, on descriptors 3 to 6 inherited from an FPVM.")
  boolean serverMode;

  @Option(names = "--exec", paramLabel = "PATH",
      description = "fpp4j extension: run this client binary as a child with pipes on descriptors 3 to 6; arguments after --.")
  String exec;

  @Option(names = {"--l1-config-path", "--l1-cfg"}, paramLabel = "FILE", description = "L1 chain config JSON; local key 7.")
  Path l1ConfigPath;

  // On by default, as in kona-host 1.0.2, whose l2-payload-witness path always asks debug_executePayload;
  // --enable-experimental-witness-endpoint=false (or the env variable set to false) turns it off.
  @Option(names = "--enable-experimental-witness-endpoint", arity = "0..1", defaultValue = "true", fallbackValue = "true",
      paramLabel = "BOOL",
      description = "Online: let handlers use debug_executePayload (default on, as in kona-host; =false turns it off). "
          + "Env ENABLE_EXPERIMENTAL_WITNESS_ENDPOINT.")
  boolean experimentalWitness;

  @Option(names = {"-q", "--logs.stdout.quiet"}, description = "kona-host's quiet mode: no log output. Env KONA_STDOUT_LOG_QUIET.")
  boolean quiet;

  @Option(names = "--logs.stdout.format", paramLabel = "FORMAT",
      description = "Accepted for kona-host compatibility; fpp4j writes its own line format to standard error. Env KONA_LOG_STDOUT_FORMAT.")
  String stdoutFormat;

  @Option(names = "--logs.file.directory", paramLabel = "DIR",
      description = "Accepted for kona-host compatibility; fpp4j logs to standard error only (a warning says so). Env KONA_LOG_FILE_DIRECTORY.")
  Path logFileDirectory;

  @Option(names = "--logs.file.format", paramLabel = "FORMAT", description = "Accepted with --logs.file.directory. Env KONA_LOG_FILE_FORMAT.")
  String logFileFormat;

  @Option(names = "--logs.file.rotation", paramLabel = "WHEN", description = "Accepted with --logs.file.directory. Env KONA_LOG_FILE_ROTATION.")
  String logFileRotation;

  /** kona-host's logging flags and their variables (clap's names, from kona-cli's LogArgs). */
  static final java.util.Map<String, String> LOG_ENV = java.util.Map.of(
      "--logs.stdout.quiet", "KONA_STDOUT_LOG_QUIET",
      "--logs.stdout.format", "KONA_LOG_STDOUT_FORMAT",
      "--logs.file.directory", "KONA_LOG_FILE_DIRECTORY",
      "--logs.file.format", "KONA_LOG_FILE_FORMAT",
      "--logs.file.rotation", "KONA_LOG_FILE_ROTATION");

  /** kona-cli's MetricsArgs: its metrics port (kona-host itself has no metrics flags). */
  static final int METRICS_PORT = 9090;

  /** kona-cli's MetricsArgs' variables, for fpp4j's metrics flags on the Kona commands. */
  static final java.util.Map<String, String> METRICS_ENV = java.util.Map.of(
      "--metrics.enabled", "KONA_METRICS_ENABLED",
      "--metrics.addr", "KONA_METRICS_ADDR",
      "--metrics.port", "KONA_METRICS_PORT");

  @Option(names = "-v", description = "Kona's verbosity: -v error, -vv warn, -vvv info, -vvvv debug, -vvvvv trace. Env KONA_LOG_LEVEL (1-5).")
  boolean[] verbosity;

  /**
   * Kona's log level: {@code -v} repeated (before the subcommand, in {@code globals}, and after it, counted
   * together as the bin/kona-host launcher's moving them after it always did), else env {@code KONA_LOG_LEVEL}
   * (1 to 5).
   *
   * @param globals the flags given before the subcommand, or null
   */
  Optional<Level> logLevel(HostWiring wiring, KonaGlobalOptions globals) {
    Path fileDirectory = logFileDirectory != null ? logFileDirectory : globals == null ? null : globals.logFileDirectory;
    if (fileDirectory != null) {
      org.slf4j.LoggerFactory.getLogger("io.fpp4j.host").warn("--logs.file.directory {} is accepted but not used: fpp4j logs to standard error only", fileDirectory);
    }
    if (quiet || (globals != null && globals.quiet)) return Optional.of(Level.OFF);
    int count = (verbosity == null ? 0 : verbosity.length) + (globals == null ? 0 : globals.verbosityCount());
    if (count > 0) return Optional.of(Logging.fromVerbosity(count, "-v"));
    String env = wiring.env().apply("KONA_LOG_LEVEL");
    if (env == null || env.isBlank()) return Optional.empty();
    try {
      return Optional.of(Logging.fromVerbosity(Integer.parseInt(env.trim()), "env KONA_LOG_LEVEL"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid env KONA_LOG_LEVEL '" + env + "': use 1 (error) to 5 (trace)");
    }
  }

  String format() {
    return dataFormat.trim().toLowerCase(Locale.ROOT);
  }
}
