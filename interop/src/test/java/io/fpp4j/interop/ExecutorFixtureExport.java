package io.fpp4j.interop;

import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One OP Sepolia executor fixture made ready for the kona-executor peer, as {@code run-fixtures.sh} does it:
 * the tar extracted, and its untyped-keccak RocksDB exported by {@code fpp4j store convert
 * --from-untyped-keccak --to-format directory} (run in-process) into a directory-format preimage store.
 */
record ExecutorFixtureExport(long block, Path fixtureJson, Path preimages) {
  private static final Map<Long, ExecutorFixtureExport> DONE = new HashMap<>();

  static Path fixturesDir() {
    String shared = System.getProperty("fpp4j.shared");
    if (shared == null) throw new IllegalStateException("system property fpp4j.shared is not set (surefire sets it)");
    return Path.of(shared, "fixtures", "op-sepolia-executor");
  }

  /** The block numbers of every {@code block-<N>.tar}, ascending; fails if there are none. */
  static List<Long> blocks() throws IOException {
    Path dir = fixturesDir();
    if (!Files.isDirectory(dir)) throw new IllegalStateException("missing fixture directory " + dir);
    try (Stream<Path> s = Files.list(dir)) {
      List<Long> blocks = s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("block-[0-9]+\\.tar"))
          .map(n -> Long.parseLong(n.substring("block-".length(), n.length() - ".tar".length())))
          .sorted().toList();
      if (blocks.isEmpty()) throw new IllegalStateException("no block-<N>.tar in " + dir);
      return blocks;
    }
  }

  /** Extracts and exports {@code block} under {@code work} once per test JVM; later calls return the first. */
  static synchronized ExecutorFixtureExport of(long block, Path work) throws IOException, InterruptedException {
    ExecutorFixtureExport done = DONE.get(block);
    if (done != null) return done;
    String name = "block-" + block;
    Path tar = fixturesDir().resolve(name + ".tar");
    if (!Files.isRegularFile(tar)) throw new IllegalStateException("missing fixture " + tar);
    Files.createDirectories(work);
    deleteTree(work.resolve(name));
    run(List.of("tar", "-xf", tar.toString(), "-C", work.toString(), "--exclude=._*", "--warning=no-unknown-keyword"));
    Path dir = work.resolve(name);
    Path preimages = dir.resolve("preimages");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(new String[] {"store", "convert", "--from", dir.resolve("kv").toString(), "--from-format", "rocksdb",
              "--from-untyped-keccak", "--to", preimages.toString(), "--to-format", "directory"},
          HostWiring.defaults().withStreams(o, e, ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT));
    }
    if (exit != 0) {
      throw new IOException("fpp4j store convert of " + name + " exited " + exit + ": " + out.toString(StandardCharsets.UTF_8)
          + err.toString(StandardCharsets.UTF_8));
    }
    ExecutorFixtureExport export = new ExecutorFixtureExport(block, dir.resolve("fixture.json"), preimages);
    DONE.put(block, export);
    return export;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within 60 s");
    }
    if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
  }
}
