package io.fpp4j.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Rust peer program on the published Kona crates ({@code interop/kona-program}), built or found up to date by
 * {@code setup-peers.sh kona-program} once per test JVM.
 */
final class KonaProgramPeer {
  /** What cargo says when it cannot reach crates.io. */
  private static final Pattern OFFLINE = Pattern.compile(
      "Could not resolve host|failed to download|failed to get .* as a dependency|network failure|--offline");

  private static Path binary;

  private KonaProgramPeer() {}

  /**
   * The program's path. Skips the calling tests, with the reason, when cargo is not on PATH or a cold build cannot
   * download the crates; any other build failure fails them.
   */
  static synchronized Path build() throws IOException, InterruptedException {
    assumeTrue(Peers.onPath("cargo"), "cargo is not on PATH, so the kona-program peer cannot be built");
    if (binary == null) {
      try {
        binary = Peers.setup(List.of("kona-program")).get("kona-program");
      } catch (IOException e) {
        assumeTrue(!OFFLINE.matcher(e.getMessage()).find(),
            () -> "the kona-program peer cannot be built offline: " + e.getMessage());
        throw e;
      }
    }
    return binary;
  }
}
