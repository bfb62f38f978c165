package io.fpp4j.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer programs: the two built by {@code interop/setup-peers.sh} on the real kona-preimage crate and
 * op-preimage module, and the Java peer run in a child JVM. Built once per test JVM (the script itself
 * skips the build when sources and toolchain are unchanged).
 */
final class Peers {
  enum Kind {
    RUST("kona-preimage (Rust)", "cargo"),
    GO("op-preimage (Go)", "go"),
    JAVA("fpp4j (Java)", null);

    final String label;
    final String tool;

    Kind(String label, String tool) {
      this.label = label;
      this.tool = tool;
    }
  }

  private static final Map<Kind, Path> BINARIES = new EnumMap<>(Kind.class);
  private static final Map<Kind, String> MISSING = new EnumMap<>(Kind.class);
  private static boolean built;

  private Peers() {}

  /** The interop module directory (surefire runs tests there; {@code basedir} says so explicitly). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static Path scenarioDir() {
    return moduleDir().resolve("scenarios");
  }

  /** Builds (or finds up to date) every peer whose toolchain is on PATH. Fails if a present toolchain cannot build. */
  static synchronized void build() throws IOException, InterruptedException {
    if (built) return;
    List<String> wanted = new ArrayList<>();
    for (Kind kind : List.of(Kind.RUST, Kind.GO)) {
      if (onPath(kind.tool)) {
        wanted.add(kind == Kind.RUST ? "rust" : "go");
      } else {
        MISSING.put(kind, kind.tool + " is not on PATH, so the " + kind.label + " peer cannot be built");
      }
    }
    if (!wanted.isEmpty()) {
      Map<String, Path> found = setup(wanted);
      for (String w : wanted) BINARIES.put(w.equals("rust") ? Kind.RUST : Kind.GO, found.get(w));
    }
    built = true;
  }

  /** Exit code of {@code setup-peers.sh} when op-program's modules could not be downloaded (no network or proxy). */
  static final int SETUP_DOWNLOAD_FAILED = 10;

  /** One run of {@code setup-peers.sh}: its exit code, the binaries it reported ({@code name=path}), its log. */
  record Setup(int exit, Map<String, Path> binaries, String out, String err) {}

  /** Runs {@code setup-peers.sh names...} and returns what it did, whatever its exit code. */
  static Setup runSetup(List<String> names) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", moduleDir().resolve("setup-peers.sh").toString()));
    command.addAll(names);
    Path log = Files.createTempFile("fpp4j-setup-peers", ".log");
    try {
      Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("setup-peers.sh did not finish within 20 minutes");
      }
      Map<String, Path> found = new HashMap<>();
      Matcher m = Pattern.compile("^([a-z-]+)=(.+)$", Pattern.MULTILINE).matcher(out);
      while (m.find()) found.put(m.group(1), Path.of(m.group(2)));
      return new Setup(p.exitValue(), Map.copyOf(found), out, Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Runs {@code setup-peers.sh names...} and returns each binary it reported ({@code name=path} lines; a peer may
   * report several). Fails, with the script's error output, if it fails or reports no executable for a name.
   */
  static Map<String, Path> setup(List<String> names) throws IOException, InterruptedException {
    Setup run = runSetup(names);
    if (run.exit() != 0) {
      throw new IOException("setup-peers.sh " + String.join(" ", names) + " failed with exit code " + run.exit()
          + ":\n" + run.err());
    }
    return requireExecutables(run, names);
  }

  /** {@code run}'s binaries, after checking that each of {@code names} is among them and executable. */
  static Map<String, Path> requireExecutables(Setup run, List<String> names) throws IOException {
    for (String name : names) {
      Path bin = run.binaries().get(name);
      if (bin == null || !Files.isExecutable(bin)) {
        throw new IOException("setup-peers.sh did not report an executable " + name + "; output was:\n" + run.out());
      }
    }
    return run.binaries();
  }

  /** Skips the calling test, with the reason, when {@code kind}'s toolchain is absent. */
  static void assumeAvailable(Kind kind) {
    if (kind == Kind.JAVA) return;
    assumeTrue(!MISSING.containsKey(kind), () -> MISSING.get(kind));
  }

  static boolean available(Kind kind) {
    return kind == Kind.JAVA || BINARIES.containsKey(kind);
  }

  static String missingReason(Kind kind) {
    return MISSING.get(kind);
  }

  /** The command line of {@code kind}'s peer with {@code args} (mode, scenario, ...). */
  static List<String> command(Kind kind, String... args) {
    List<String> cmd = new ArrayList<>();
    if (kind == Kind.JAVA) {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // A short-lived peer: the client compiler and the serial collector start fastest and use the least CPU.
      cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
          "-cp", System.getProperty("java.class.path"), JavaPeer.class.getName()));
    } else {
      Path bin = BINARIES.get(kind);
      if (bin == null) throw new IllegalStateException("the " + kind.label + " peer was not built: " + MISSING.get(kind));
      cmd.add(bin.toString());
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** kona-preimage's version from Cargo.lock, op-preimage's module version from go.mod. */
  static String peerVersion(Kind kind) throws IOException {
    return switch (kind) {
      case RUST -> {
        String lock = Files.readString(moduleDir().resolve("rust/Cargo.lock"));
        Matcher m = Pattern.compile("name = \"kona-preimage\"\\nversion = \"([^\"]+)\"").matcher(lock);
        yield m.find() ? "kona-preimage " + m.group(1) : "kona-preimage (version not found in Cargo.lock)";
      }
      case GO -> {
        String mod = Files.readString(moduleDir().resolve("go/go.mod"));
        Matcher m = Pattern.compile("github\\.com/ethereum-optimism/optimism (v\\S+)").matcher(mod);
        yield m.find() ? "github.com/ethereum-optimism/optimism/op-preimage " + m.group(1) : "op-preimage (version not found in go.mod)";
      }
      case JAVA -> "fpp4j " + System.getProperty("java.version");
    };
  }

  /** One line of {@code command}'s output (e.g. a toolchain version), or a note why there is none. */
  static String toolVersion(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.lines().findFirst().orElse("") : "unavailable";
    } catch (IOException e) {
      return "unavailable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unavailable";
    }
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }
}
