package io.fpp4j.host.store.cli;

import io.fpp4j.host.store.KeyCategory;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.StoreStats;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code store stats DIR}: format, entries and value bytes per key type. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Count entries and value bytes per key type.")
final class StatsCommand extends StoreSubcommand {
  @Parameters(index = "0", paramLabel = "DIR", description = "Data directory.")
  Path dir;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format if there is no kvformat marker; detected otherwise.")
  String format;

  @Option(names = "--untyped-keccak", description = "The store has raw keccak256(value) keys with no type byte.")
  boolean untypedKeccak;

  StatsCommand() {}

  StatsCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int execute(PrintStream out, PrintStream err) {
    try (KeyValueStore store = openSource(dir, format(format, "--format"), untypedKeccak)) {
      StoreStats s = StoreStats.of(store);
      out.printf("store:       %s%n", store.describe());
      out.printf("format:      %s%n", s.format());
      out.printf("entries:     %d%n", s.totalEntries());
      out.printf("value bytes: %d%n", s.totalValueBytes());
      for (KeyCategory c : KeyCategory.values()) {
        out.printf("  %-24s %10d entries %14d bytes%n", c.label(), s.entries().get(c), s.valueBytes().get(c));
      }
      if (s.unreadable() > 0) {
        out.printf("unreadable:  %d (run verify to list them)%n", s.unreadable());
        return StoreCommand.FAILED;
      }
      return StoreCommand.OK;
    }
  }
}
