package io.fpp4j.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference block executor: {@code fpp4j-kona-executor}, on the published kona-executor crate, built by
 * {@code setup-peers.sh kona-executor} once per test JVM. Its command line and output are described in
 * {@code interop/README.md}.
 */
final class KonaExecutorPeer {
  /** Exit codes of the peer. */
  static final int BAD_INPUT = 2;
  static final int EXECUTION_FAILED = 3;

  private static Path binary;

  private KonaExecutorPeer() {}

  /** One run: exit code, the JSON line (or nothing), the error text. */
  record Result(int exit, String out, String err) {}

  /** Builds (or finds up to date) the peer; skips the calling tests when cargo is not on PATH. */
  static synchronized Path build() throws IOException, InterruptedException {
    assumeTrue(Peers.onPath("cargo"), "cargo is not on PATH, so the kona-executor peer cannot be built");
    if (binary == null) binary = Peers.setup(List.of("kona-executor")).get("kona-executor");
    return binary;
  }

  static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(build().toString());
    command.addAll(List.of(args));
    Path err = Files.createTempFile("fpp4j-kona-executor", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within 120 s");
      }
      return new Result(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
