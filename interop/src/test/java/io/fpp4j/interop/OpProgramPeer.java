package io.fpp4j.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * op-program v1.19.0's own host and client ({@code interop/op-program}), built from the Go module proxy by
 * {@code setup-peers.sh op-program} once per test JVM.
 */
final class OpProgramPeer {
  /** The two binaries. */
  record Binaries(Path host, Path client) {}

  private static Binaries binaries;

  private OpProgramPeer() {}

  /**
   * Builds (or finds up to date) op-program's host and client. Skips the calling tests, with the reason, when go is
   * not on PATH or the script could not download op-program's modules; any other failure fails them.
   */
  static synchronized Binaries build() throws IOException, InterruptedException {
    assumeTrue(Peers.onPath("go"), "go is not on PATH, so op-program v1.19.0 cannot be built");
    if (binaries == null) {
      Peers.Setup run = Peers.runSetup(List.of("op-program"));
      assumeTrue(run.exit() != Peers.SETUP_DOWNLOAD_FAILED,
          () -> "op-program's modules could not be downloaded from the Go module proxy:\n" + run.err());
      if (run.exit() != 0) {
        throw new IOException("setup-peers.sh op-program failed with exit code " + run.exit() + ":\n" + run.err());
      }
      Map<String, Path> found = Peers.requireExecutables(run, List.of("op-program-host", "op-program-client"));
      binaries = new Binaries(found.get("op-program-host"), found.get("op-program-client"));
    }
    return binaries;
  }
}
