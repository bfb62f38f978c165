package io.fpp4j.host.store.cli;

import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code store get DIR KEY}: prints the value as 0x-prefixed lowercase hex ({@code 0x} for an empty value). */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Print the value under a 32-byte key as hex.")
final class GetCommand extends StoreSubcommand {
  @Parameters(index = "0", paramLabel = "DIR", description = "Data directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "KEY", description = "The 32-byte key as 64 hex digits, with or without 0x.")
  String key;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format if there is no kvformat marker; detected otherwise.")
  String format;

  @Option(names = "--untyped-keccak", description = "The store has raw keccak256(value) keys; KEY is the typed 02... key.")
  boolean untypedKeccak;

  GetCommand() {}

  GetCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int execute(PrintStream out, PrintStream err) {
    Bytes32 k;
    try {
      k = Bytes32.fromHex(key.trim());
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid key '" + key + "': " + e.getMessage());
    }
    try (KeyValueStore store = openSource(dir, format(format, "--format"), untypedKeccak)) {
      Optional<byte[]> value = store.getRaw(k);
      if (value.isEmpty()) {
        err.println("error: no value under key " + k + " in " + store.describe());
        return StoreCommand.FAILED;
      }
      out.println(Hex.prefixed(value.get()));
      return StoreCommand.OK;
    }
  }
}
