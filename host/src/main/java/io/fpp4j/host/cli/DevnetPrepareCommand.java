package io.fpp4j.host.cli;

import io.fpp4j.host.HostExitCode;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fpp4j devnet prepare --out DIR}: turns the shared {@code fp-tests-devnet} fixture (one real op-program run
 * on an OP devnet) into a data directory, config files and local-key files with {@link DevnetFixture}, and prints
 * what it wrote. For each case it also writes {@code <case>/op-program-host.args}: the {@code fpp4j host op-program}
 * flags of that case, one per line, so a script can serve the case with op-program's own flags and no JSON parsing.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
    description = "Prepare the shared fp-tests-devnet fixture into DIR: data directory, rollup/genesis/L1 configs, local keys of both dialects.")
final class DevnetPrepareCommand implements Callable<Integer> {
  /** The file, in each case's directory, holding that case's {@code host op-program} flags. */
  static final String OP_PROGRAM_ARGS = "op-program-host.args";

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the prepared fixture (reused when already prepared).")
  Path out;

  @Option(names = "--source", paramLabel = "DIR",
      description = "The fp-tests-devnet fixture directory (default: fixtures/fp-tests-devnet under the fpp4j.shared system property).")
  Path source;

  private final PrintStream stdout;

  DevnetPrepareCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() throws IOException {
    Path src = source != null ? source : defaultSource();
    if (!Files.isDirectory(src)) {
      throw new ParameterException(spec.commandLine(), "no fp-tests-devnet fixture at " + src + " (give --source DIR)");
    }
    DevnetFixture.Prepared p = DevnetFixture.prepare(src, out);
    stdout.printf("prepared %s from %s%n", p.root(), src);
    stdout.printf("  data directory  %s: %,d preimages (op-program's file format)%n", p.dataDir(), countPreimages(p.dataDir()));
    stdout.printf("  rollup config   %s%n  L2 genesis      %s%n  L1 chain config %s%n", p.rollupConfig(), p.l2Genesis(), p.l1ChainConfig());
    for (String name : DevnetFixture.CASES) {
      DevnetFixture.Case c = p.cases().get(name);
      Path args = p.root().resolve(c.name()).resolve(OP_PROGRAM_ARGS);
      Files.write(args, opProgramFlags(p, c), StandardCharsets.UTF_8);
      stdout.printf("  %s: expected exit %d; L1 head %s, agreed L2 head %s (output root %s), claim %s at L2 block %d%n",
          c.name(), c.expectedStatus(), c.l1Head(), c.l2Head(), c.l2OutputRoot(), c.l2Claim(), c.l2BlockNumber());
      stdout.printf("    local keys: %s (Kona), %s (op-program); host op-program flags: %s%n",
          c.konaLocalKeys(), c.opProgramLocalKeys(), args);
    }
    return HostExitCode.VALID;
  }

  private Path defaultSource() {
    String shared = System.getProperty("fpp4j.shared");
    if (shared == null) {
      throw new ParameterException(spec.commandLine(), "give --source DIR: the fp-tests-devnet fixture directory (no fpp4j.shared system property is set)");
    }
    return DevnetFixture.source();
  }

  /** op-program's host flags for one case of a custom chain: the boot values plus the three config files. */
  static List<String> opProgramFlags(DevnetFixture.Prepared p, DevnetFixture.Case c) {
    return List.of("--l1.head", c.l1Head().toHex(), "--l2.head", c.l2Head().toHex(),
        "--l2.outputroot", c.l2OutputRoot().toHex(), "--l2.claim", c.l2Claim().toHex(),
        "--l2.blocknumber", Long.toString(c.l2BlockNumber()),
        "--rollup.config", abs(p.rollupConfig()), "--l2.genesis", abs(p.l2Genesis()),
        "--l1.chainconfig", abs(p.l1ChainConfig()),
        "--datadir", abs(p.dataDir()), "--data.format", "file");
  }

  private static String abs(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  private static long countPreimages(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".txt")).count();
    }
  }
}
