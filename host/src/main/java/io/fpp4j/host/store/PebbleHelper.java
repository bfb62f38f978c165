package io.fpp4j.host.store;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code fpp4j-pebble}, the Go program (host/pebble) through which fpp4j reads and writes op-program's
 * Pebble data directories: Pebble exists only in Go, and no Java reader of its files exists. The program is
 * built by {@value #SETUP_SCRIPT}, which puts it where {@link #locate()} looks by default.
 *
 * <p>Order: the system property {@value #PROPERTY}, the environment variable {@value #ENV}, then the
 * script's cache, {@code ${FPP4J_PEBBLE_CACHE:-${XDG_CACHE_HOME:-~/.cache}/fpp4j/pebble}/fpp4j-pebble}.
 */
public final class PebbleHelper {
  public static final String PROPERTY = "fpp4j.pebble.helper";
  public static final String ENV = "FPP4J_PEBBLE_HELPER";
  public static final String SETUP_SCRIPT = "host/scripts/setup-pebble.sh";
  static final String BINARY = "fpp4j-pebble";

  private PebbleHelper() {}

  /** The helper to use, or an error that says how to get one (and that Go is needed for it, if missing). */
  public static Path locate() {
    return locate(System.getenv(), Optional.ofNullable(System.getProperty(PROPERTY)));
  }

  static Path locate(Map<String, String> env, Optional<String> property) {
    Optional<String> named = property.filter(s -> !s.isBlank());
    String source = "system property " + PROPERTY;
    if (named.isEmpty()) {
      named = Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank());
      source = "environment variable " + ENV;
    }
    if (named.isPresent()) {
      Path p = Path.of(named.get());
      return require(p, source + " names " + p + ", which is not an executable file", env);
    }
    Path p = defaultPath(env);
    return require(p, "the Pebble helper " + BINARY + " is not built (looked for " + p + ")", env);
  }

  static Path defaultPath(Map<String, String> env) {
    String cache = env.get("FPP4J_PEBBLE_CACHE");
    if (cache != null && !cache.isBlank()) return Path.of(cache, BINARY);
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("fpp4j").resolve("pebble").resolve(BINARY);
  }

  private static Path require(Path p, String problem, Map<String, String> env) {
    if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
    throw new StoreException(problem + "; Pebble data directories (op-program --data.format pebble) are read"
        + " and written through it. " + howToBuild(env));
  }

  /** What to do, and whether Go, which the build needs, is on the PATH. */
  static String howToBuild(Map<String, String> env) {
    String run = "Run " + SETUP_SCRIPT + " from the fpp4j checkout (it builds the helper from the Go module"
        + " proxy), or set " + ENV + " to a built " + BINARY + ".";
    return goOnPath(env.getOrDefault("PATH", "")) ? run
        : "Go is not installed (no 'go' on the PATH): install Go 1.22 or later, then " + run.substring(0, 1).toLowerCase()
            + run.substring(1);
  }

  static boolean goOnPath(String path) {
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, "go"))) return true;
    }
    return false;
  }
}
