package io.fpp4j.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Parses a host command line without running it, for flag tests. */
final class Cli {
  static final String ZERO = "0x" + "00".repeat(32);

  private Cli() {}

  @SuppressWarnings("unchecked")
  static <T extends HostRunCommand> T parse(HostWiring wiring, String dialect, String... args) {
    List<String> all = new ArrayList<>(List.of("host", dialect));
    all.addAll(List.of(args));
    String[] argv = all.toArray(String[]::new);
    ParseResult pr = Main.commandLineFor(argv, wiring).parseArgs(argv); // the tree a real run builds
    return (T) pr.subcommand().subcommand().commandSpec().userObject();
  }

  static HostWiring env(Map<String, String> env) {
    return HostWiring.defaults().withEnv(env::get);
  }

  static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  /** Parses the arguments and runs the dialect's flag checks; returns the error message or null if valid. */
  static String check(HostWiring wiring, String dialect, String... args) {
    try {
      HostRunCommand cmd = parse(wiring, dialect, args);
      if (cmd instanceof SingleChainCommand s) s.validate();
      else if (cmd instanceof SuperCommand k) k.validate();
      else if (cmd instanceof OpProgramCommand o) o.validate();
      return null;
    } catch (IllegalArgumentException | CommandLine.ParameterException e) {
      return e.getMessage();
    }
  }
}
