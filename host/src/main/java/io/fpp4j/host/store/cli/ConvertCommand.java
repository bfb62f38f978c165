package io.fpp4j.host.store.cli;

import io.fpp4j.host.store.FormatMarker;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreConverter;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.primitives.Bytes32;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code store convert --from DIR [--from-format F] --to DIR --to-format F}: copies every entry, byte for
 * byte and under the same raw key, then reads each one back from the target to prove it arrived.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Copy every entry of one store into another, possibly of another format.")
final class ConvertCommand extends StoreSubcommand {
  @Option(names = "--from", required = true, paramLabel = "DIR", description = "Source data directory.")
  Path from;

  @Option(names = "--from-format", paramLabel = "FORMAT",
      description = "Source format if it has no kvformat marker (directory, file, rocksdb, pebble); detected otherwise.")
  String fromFormat;

  @Option(names = "--from-untyped-keccak",
      description = "The source is an untyped keccak store (raw keccak256(value) keys); write its entries under typed keys 02||hash[1:].")
  boolean fromUntypedKeccak;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "Target data directory (created if missing).")
  Path to;

  @Option(names = "--to-format", required = true, paramLabel = "FORMAT", description = "Target format: directory, file, rocksdb or pebble (pebble needs the Go helper: host/scripts/setup-pebble.sh).")
  String toFormat;

  ConvertCommand() {}

  ConvertCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int execute(PrintStream out, PrintStream err) {
    Optional<StoreFormat> sourceFormat = format(fromFormat, "--from-format");
    StoreFormat targetFormat = format(toFormat, "--to-format").orElseThrow();
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      throw new UsageException("--from and --to name the same directory: " + from);
    }
    Optional<StoreFormat> existing = FormatMarker.read(to);
    if (existing.isPresent() && existing.get() != targetFormat) {
      err.println("error: " + to + " already holds a '" + existing.get() + "' store (kvformat marker); refusing to"
          + " write '" + targetFormat + "' entries into it");
      return StoreCommand.STORE_ERROR;
    }
    try (KeyValueStore source = openSource(from, sourceFormat, fromUntypedKeccak);
        KeyValueStore target = PreimageStores.open(to, targetFormat)) {
      StoreConverter.Result result = StoreConverter.copy(source, target);
      long[] mismatches = new long[1];
      source.forEach((Bytes32 key, byte[] value) -> {
        Optional<byte[]> copied = target.getRaw(key);
        if (copied.isEmpty() || !Arrays.equals(copied.get(), value)) {
          mismatches[0]++;
          err.println("error: " + key + " did not read back " + (copied.isEmpty() ? "at all" : "equal") + " from "
              + target.describe());
        }
      });
      out.printf("converted %d entries (%d value bytes) from %s to %s%n", result.entries(), result.valueBytes(),
          source.describe(), target.describe());
      return mismatches[0] == 0 ? StoreCommand.OK : StoreCommand.FAILED;
    }
  }
}
