package io.fpp4j.host.store.cli;

import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.StoreVerifier;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code store verify DIR}: re-hashes every keccak256 and sha256 entry; one line per bad entry; exit 1 if any. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-hash every keccak256 and sha256 entry and report each one that does not match its key.")
final class VerifyCommand extends StoreSubcommand {
  @Parameters(index = "0", paramLabel = "DIR", description = "Data directory.")
  Path dir;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format if there is no kvformat marker; detected otherwise.")
  String format;

  @Option(names = "--untyped-keccak", description = "The store has raw keccak256(value) keys with no type byte.")
  boolean untypedKeccak;

  VerifyCommand() {}

  VerifyCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int execute(PrintStream out, PrintStream err) {
    try (KeyValueStore store = openSource(dir, format(format, "--format"), untypedKeccak)) {
      StoreVerifier.Report r = StoreVerifier.verify(store, p -> out.println("bad: " + p.message()));
      out.printf("%s: %d keccak256 and %d sha256 entries re-hashed, %d of other key types not checkable, %d bad%n",
          store.describe(), r.keccak256Checked(), r.sha256Checked(), r.notCheckable(), r.problems().size());
      return r.ok() ? StoreCommand.OK : StoreCommand.FAILED;
    }
  }
}
