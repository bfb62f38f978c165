package io.fpp4j.testkit.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs a launcher test runs on: the test's own, plus one installed JDK of each other family the launchers
 * treat apart ({@code bin/lib/cds.bash}: 17 and 18, 19 to 24 with a CDS archive, or 25 and later with an AOT
 * cache), from the directory {@code fpp4j.jdks} names (default {@code /usr/lib/jvm}), so that every branch is
 * tested where its JDK is installed.
 */
public final class Jdks {
  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

  private Jdks() {}

  /** A JDK: its home and its feature version. */
  public record Jdk(Path home, int major) {
    public Path bin() {
      return home.resolve("bin");
    }

    @Override
    public String toString() {
      return "JDK " + major + " (" + home + ")";
    }
  }

  public static List<Jdk> forLaunchers() {
    Map<Integer, Jdk> byFamily = new LinkedHashMap<>();
    Jdk own = read(Path.of(System.getProperty("java.home"))).orElseThrow(
        () -> new IllegalStateException("the test JDK " + System.getProperty("java.home") + " has no readable release file"));
    byFamily.put(family(own), own);
    Path dir = Path.of(System.getProperty("fpp4j.jdks", "/usr/lib/jvm"));
    if (Files.isDirectory(dir)) {
      try (Stream<Path> homes = Files.list(dir)) {
        homes.sorted().map(Jdks::read).flatMap(Optional::stream).filter(j -> j.major() >= 17)
            .forEach(j -> byFamily.putIfAbsent(family(j), j));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the JDKs in " + dir + ": " + e, e);
      }
    }
    return List.copyOf(byFamily.values());
  }

  /** The launchers' branch for a JDK: AppCDS dumped at exit (17, 18), auto-created (19 to 24), AOT cache (25+). */
  private static int family(Jdk jdk) {
    return jdk.major() >= 25 ? 25 : jdk.major() >= 19 ? 19 : 17;
  }

  private static Optional<Jdk> read(Path home) {
    try {
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) return Optional.empty();
      Matcher m = VERSION.matcher(Files.readString(release));
      return m.find() ? Optional.of(new Jdk(home.toRealPath(), Integer.parseInt(m.group(1)))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
