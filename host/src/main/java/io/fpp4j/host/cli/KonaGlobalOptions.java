package io.fpp4j.host.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * kona-host's logging flags where kona-host also takes them: before the subcommand ({@code fpp4j host -vv single
 * ...}), as kona-cli's {@code LogArgs} are flattened into kona-host's top-level command. A mixin of
 * {@code fpp4j host}; {@code single} and {@code super} merge these with their own copies in {@link KonaOptions},
 * the other subcommands refuse them.
 */
final class KonaGlobalOptions {
  @Option(names = "-v", description = "kona-host's verbosity for 'single' and 'super' (-v error ... -vvvvv trace); also accepted after the subcommand.")
  boolean[] verbosity;

  @Option(names = {"-q", "--logs.stdout.quiet"}, description = "kona-host's quiet mode, for 'single' and 'super'.")
  boolean quiet;

  @Option(names = "--logs.stdout.format", paramLabel = "FORMAT", description = "Accepted for kona-host compatibility ('single', 'super').")
  String stdoutFormat;

  @Option(names = "--logs.file.directory", paramLabel = "DIR", description = "Accepted for kona-host compatibility ('single', 'super'); not used.")
  Path logFileDirectory;

  @Option(names = "--logs.file.format", paramLabel = "FORMAT", description = "Accepted with --logs.file.directory.")
  String logFileFormat;

  @Option(names = "--logs.file.rotation", paramLabel = "WHEN", description = "Accepted with --logs.file.directory.")
  String logFileRotation;

  int verbosityCount() {
    return verbosity == null ? 0 : verbosity.length;
  }

  /** The first of these flags given, for the message that refuses them, or null if none was. */
  String given() {
    if (verbosityCount() > 0) return "-v";
    if (quiet) return "-q";
    if (stdoutFormat != null) return "--logs.stdout.format";
    if (logFileDirectory != null) return "--logs.file.directory";
    if (logFileFormat != null) return "--logs.file.format";
    if (logFileRotation != null) return "--logs.file.rotation";
    return null;
  }
}
