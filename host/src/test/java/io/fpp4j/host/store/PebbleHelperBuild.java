package io.fpp4j.host.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Pebble helper for tests: runs host/scripts/setup-pebble.sh once per test JVM (a no-op when its stamp
 * matches; test.sh builds it up front) and points {@link PebbleHelper} at the result. As for geth
 * ({@code GethDev}), the calling test is skipped, with the script's reason, only when Pebble's modules could
 * not be downloaded (exit 10: no network or module proxy); a missing Go (exit 127) or a failed build fails
 * it, so that CI never passes without having run the Pebble tests.
 */
public final class PebbleHelperBuild {
  private static final long BUILD_LIMIT_MINUTES = 15;
  private static Path helper;
  private static String skipReason;

  private PebbleHelperBuild() {}

  /** The built helper; also set as {@link PebbleHelper#PROPERTY}, so that the default open path finds it. */
  public static synchronized Path helper() {
    if (skipReason != null) Assumptions.abort(skipReason);
    if (helper != null) return helper;
    try {
      helper = build();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + PebbleHelper.SETUP_SCRIPT + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while building the Pebble helper", e);
    }
    System.setProperty(PebbleHelper.PROPERTY, helper.toString());
    return helper;
  }

  /** Whether the helper is there (building it if need be); false only when its modules cannot be downloaded. */
  public static synchronized boolean available() {
    try {
      helper();
      return true;
    } catch (org.opentest4j.TestAbortedException e) {
      return false;
    }
  }

  /** For a Pebble {@code format}: builds the helper, or skips the calling test when it cannot be downloaded. */
  public static void ifPebble(StoreFormat format) {
    if (format == StoreFormat.PEBBLE) helper();
  }

  static Path script() {
    Path cwd = Path.of(System.getProperty("user.dir"));
    Path inModule = cwd.resolve("scripts/setup-pebble.sh");
    return Files.isRegularFile(inModule) ? inModule : cwd.resolve(PebbleHelper.SETUP_SCRIPT);
  }

  private static Path build() throws IOException, InterruptedException {
    Path script = script();
    Path out = Files.createTempFile("setup-pebble", ".out");
    Path err = Files.createTempFile("setup-pebble", ".err");
    try {
      Process p = new ProcessBuilder("bash", script.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(BUILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(script + " did not finish within " + BUILD_LIMIT_MINUTES + " minutes");
      }
      String stderr = Files.readString(err);
      if (p.exitValue() == 10) {
        skipReason = "the Pebble helper could not be built for lack of network (" + script + " exit 10): " + stderr.strip();
        Assumptions.abort(skipReason);
      }
      if (p.exitValue() != 0) throw new AssertionError(script + " failed with exit " + p.exitValue() + ":\n" + stderr);
      List<String> lines = Files.readAllLines(out);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (!last.startsWith("pebble=")) throw new AssertionError(script + " printed no pebble=<path> line:\n" + lines);
      return Path.of(last.substring("pebble=".length()));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
