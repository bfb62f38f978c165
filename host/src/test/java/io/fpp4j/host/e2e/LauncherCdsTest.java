package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fpp4j.testkit.launcher.Jdks;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./fpp4j} with its Class Data Sharing archive ({@code bin/lib/cds.bash}; on JDK 25+ its AOT cache, called an
 * archive here too) missing, damaged, stale, or with no usable cache directory: a host run must give the same exit
 * code and output as without one, whatever state the archive is in. Runs on a jars-only class path (CDS archives
 * nothing else), so the launched host also configures its logging with {@code LogConfigurator}, as an installed one
 * does; on this test's JDK and, where installed, one JDK of each other family (17/18, 19 to 24, 25+), since the
 * launcher handles them apart.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherCdsTest {
  @RegisterExtension static final JarsOnlyClassPath JARS = new JarsOnlyClassPath();

  @TempDir Path tmp;
  /** The class path the launchers are given; {@link #archiveAfterRunsWith} swaps it for one run. */
  String classPath = JARS.get();

  static Stream<Jdks.Jdk> jdks() {
    return Jdks.forLaunchers().stream();
  }

  record Run(int code, String out, String err) {}

  /** A real host run in exec mode whose program exits 0 at once: exit 0, the host's log on stderr, nothing on stdout. */
  Run hostRun(Jdks.Jdk jdk, Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LauncherE2eTest.root().resolve("fpp4j").toString(),
        "host", "serve", "--exec", "/bin/sh", "--", "-c", "exit 0"));
    // In the temporary directory: a JVM that crashes writes its hs_err file into its working directory.
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("FPP4J_CLASSPATH", classPath);
    pb.environment().remove("FPP4J_CDS");
    pb.environment().remove("FPP4J_JAVA_OPTS");
    pb.environment().put("PATH", jdk.bin() + ":" + System.getenv("PATH"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("./fpp4j did not finish on " + jdk + ": " + cmd);
    }
    Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    assertThat(run.code()).as("exit code on %s, stderr:%n%s", jdk, run.err()).isZero();
    assertThat(run.out()).as("standard output on %s (it belongs to the program)", jdk).isEmpty();
    assertThat(run.err()).as("the host's log on %s", jdk).contains("exit 0 (valid claim)");
    return run;
  }

  Run hostRun(Jdks.Jdk jdk, Path cache) throws Exception {
    return hostRun(jdk, Map.of("XDG_CACHE_HOME", cache.toString()));
  }

  static List<Path> archives(Path cache) throws IOException {
    return archives(cache, "host");
  }

  static List<Path> archives(Path cache, String name) throws IOException {
    Path dir = cache.resolve("fpp4j/cds");
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(name + "-[0-9a-f]{16}\\.(jsa|aot)")).sorted().toList();
    }
  }

  /**
   * Runs until an archive is in place: on JDK 19 to 24 the first run makes it; on JDK 17 the second puts the first's
   * dump in place; on JDK 25 the first run records its training and the second assembles the cache from it.
   */
  Path archiveAfterRuns(Jdks.Jdk jdk, Path cache) throws Exception {
    for (int i = 0; i < 3; i++) {
      hostRun(jdk, cache);
      List<Path> made = archives(cache);
      if (made.size() == 1) return made.get(0);
    }
    throw new AssertionError("three host runs on " + jdk + " left no archive in " + cache + ": " + archives(cache));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aMissingArchiveIsMadeByTheRunsThemselves(Jdks.Jdk jdk) throws Exception {
    Path cache = tmp.resolve("cache");
    Path archive = archiveAfterRuns(jdk, cache);
    assertThat(Files.size(archive)).as("the archive holds the classes of a host run").isGreaterThan(1_000_000);
    hostRun(jdk, cache);
    assertThat(archives(cache)).containsExactly(archive);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aTruncatedOrGarbledArchiveIsReplacedNotUsed(Jdks.Jdk jdk) throws Exception {
    Path cache = tmp.resolve("cache");
    Path archive = archiveAfterRuns(jdk, cache);
    long size = Files.size(archive);
    writable(archive);
    // JDK 17 crashed (SIGBUS) on an archive cut short before the launcher checked it.
    try (SeekableByteChannel ch = Files.newByteChannel(archive, StandardOpenOption.WRITE)) {
      ch.truncate(size / 2);
    }
    hostRun(jdk, cache);
    for (Path a : archives(cache)) assertThat(Files.size(a)).as("the truncated archive is gone or remade").isNotEqualTo(size / 2);
    Path again = archiveAfterRuns(jdk, cache);
    writable(again);
    Files.write(again, "not a CDS archive".getBytes(StandardCharsets.US_ASCII));
    Run garbled = hostRun(jdk, cache);
    assertThat(garbled.err()).as("no JVM warning about the archive").doesNotContain("CDS").doesNotContain("shared archive")
        .doesNotContain("AOT cache").doesNotContain("[aot");
    assertThat(archiveAfterRuns(jdk, cache)).isEqualTo(again);
    assertThat(Files.size(again)).isGreaterThan(1_000_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aStaleArchiveForAnotherClassPathIsReplaced(Jdks.Jdk jdk) throws Exception {
    // JDK 25's AOT cache maps for another class path (its check of the app class path is lenient), so there the
    // launcher's key is what keeps it apart: aStaleAotCacheForOtherJvmOptionsIsReplaced covers that JDK.
    assumeTrue(jdk.major() < 25, "JDK 25+ accepts an AOT cache made on another class path");
    // The archive of a class path with one more jar in front, put where this class path's archive belongs (a jar at
    // the end would not do: the JVM accepts an archive whose class path is a prefix of the run's).
    Path other = tmp.resolve("other-cache");
    Path extra = Files.write(tmp.resolve("extra.jar"), emptyJar());
    Path foreign = archiveAfterRunsWith(jdk, other, extra + ":" + classPath);
    Path cache = tmp.resolve("cache");
    Path own = archiveAfterRuns(jdk, cache);
    writable(own);
    Files.copy(foreign, own, StandardCopyOption.REPLACE_EXISTING);
    hostRun(jdk, cache);
    Path remade = archiveAfterRuns(jdk, cache);
    assertThat(Files.mismatch(remade, foreign)).as("the stale archive was replaced").isNotEqualTo(-1L);
  }

  /** JDK 25+: the JVM refuses a cache made under other options (here without compressed oops): it must be remade. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aStaleAotCacheForOtherJvmOptionsIsReplaced(Jdks.Jdk jdk) throws Exception {
    assumeTrue(jdk.major() >= 25, "an AOT cache needs JDK 25");
    Path other = tmp.resolve("other-cache");
    Path foreign = null;
    for (int i = 0; i < 3 && foreign == null; i++) {
      hostRun(jdk, Map.of("XDG_CACHE_HOME", other.toString(), "FPP4J_JAVA_OPTS", "-XX:-UseCompressedOops"));
      foreign = archives(other).stream().findFirst().orElse(null);
    }
    assertThat(foreign).as("a cache made under -XX:-UseCompressedOops").isNotNull();
    assertThat(foreign.getFileName().toString()).endsWith(".aot");
    Path cache = tmp.resolve("cache");
    Path own = archiveAfterRuns(jdk, cache);
    assertThat(own.getFileName()).as("other options, another key").isNotEqualTo(foreign.getFileName());
    writable(own);
    Files.copy(foreign, own, StandardCopyOption.REPLACE_EXISTING);
    hostRun(jdk, cache);
    assertThat(archives(cache)).as("the stale cache is deleted, not used").isEmpty();
    Path remade = archiveAfterRuns(jdk, cache);
    assertThat(Files.mismatch(remade, foreign)).as("the stale cache was replaced").isNotEqualTo(-1L);
  }

  /**
   * JDK 25+: a training record the JVM cannot assemble (a run killed while writing it, a damaged file) costs one
   * try: it is dropped, the run goes on without a cache, and a later run records and assembles anew.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aDamagedTrainingRecordIsDroppedAndRecordedAgain(Jdks.Jdk jdk) throws Exception {
    assumeTrue(jdk.major() >= 25, "an AOT cache needs JDK 25");
    Path cache = tmp.resolve("cache");
    Path made = archiveAfterRuns(jdk, cache);
    String stem = made.getFileName().toString().replaceFirst("\\.aot$", "");
    Files.delete(made);
    Files.deleteIfExists(made.resolveSibling(made.getFileName() + ".ok"));
    // The record of a run that has ended: named by the pid of a process that has exited.
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path record = made.resolveSibling("." + stem + "." + ended.pid() + ".aotconf");
    Files.write(record, new byte[] {'n', 'o', 't', ' ', 'a', 'n', ' ', 'A', 'O', 'T', ' ', 'r', 'e', 'c', 'o', 'r', 'd'});
    Run run = hostRun(jdk, cache);
    assertThat(run.err()).doesNotContain("AOT cache").doesNotContain("[aot");
    assertThat(record).as("the damaged record is dropped").doesNotExist();
    assertThat(archives(cache)).as("no cache from a damaged record").isEmpty();
    assertThat(Files.size(archiveAfterRuns(jdk, cache))).isGreaterThan(1_000_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aNativeAgentInTheOptionsMakesNoArchiveAndTheRunsGoOn(Jdks.Jdk jdk) throws Exception {
    // A JVM told to dump an archive refuses a native agent at start and exits 1, which reads as a verdict; such runs
    // use an archive but do not make one. jdwp is the JDK's own native agent (quiet: nothing on standard output).
    Path cache = tmp.resolve("cache");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(),
        "FPP4J_JAVA_OPTS", "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0,quiet=y");
    hostRun(jdk, env);
    hostRun(jdk, env);
    assertThat(archives(cache)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void withoutAUsableCacheDirectoryTheRunsGoOnWithoutAnArchive(Jdks.Jdk jdk) throws Exception {
    // A cache path under a regular file: the directory cannot be made.
    Path file = Files.writeString(tmp.resolve("a-file"), "");
    hostRun(jdk, file.resolve("cache"));
    hostRun(jdk, file.resolve("cache"));
    // A cache directory without write permission (only effective when the test does not run as root).
    Path readOnly = Files.createDirectories(tmp.resolve("read-only/fpp4j/cds"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      hostRun(jdk, tmp.resolve("read-only"));
      hostRun(jdk, tmp.resolve("read-only"));
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    // No cache directory at all: XDG_CACHE_HOME and HOME empty (the launcher takes empty as unset).
    hostRun(jdk, Map.of("XDG_CACHE_HOME", "", "HOME", ""));
  }

  Path archiveAfterRunsWith(Jdks.Jdk jdk, Path cache, String cp) throws Exception {
    String saved = classPath;
    classPath = cp;
    try {
      return archiveAfterRuns(jdk, cache);
    } finally {
      classPath = saved;
    }
  }

  /**
   * {@code bin/fpp4j-program} (the client's launcher, same CDS code under the name "program"): a run refused in
   * FppProgram's argument check, exit 2 with its message, must come out the same whatever the archive's state. Only
   * runs without arguments, as hosts start the program, make an archive.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void theProgramLauncherRunsAlikeWithItsArchiveMissingDamagedOrWithoutACacheDirectory(Jdks.Jdk jdk) throws Exception {
    Path cache = tmp.resolve("cache");
    programRun(jdk, cache);
    programRun(jdk, cache);
    assertThat(archives(cache, "program")).as("runs with arguments stop in main, so they make no archive").isEmpty();
    Path archive = null;
    for (int i = 0; i < 3 && archive == null; i++) {
      programRunWithoutArguments(jdk, cache);
      archive = archives(cache, "program").stream().findFirst().orElse(null);
    }
    assertThat(archive).as("an archive after three runs on %s", jdk).isNotNull();
    programRun(jdk, cache);
    writable(archive);
    try (SeekableByteChannel ch = Files.newByteChannel(archive, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(archive) / 2);
    }
    programRun(jdk, cache);
    assertThat(archives(cache, "program")).as("the truncated archive, refused and deleted").isEmpty();
    programRunWithoutArguments(jdk, cache);
    programRunWithoutArguments(jdk, cache);
    programRunWithoutArguments(jdk, cache);
    assertThat(archives(cache, "program")).as("an archive made again").isNotEmpty();
    for (Path a : archives(cache, "program")) {
      writable(a);
      Files.write(a, "not a CDS archive".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(programRun(jdk, cache)).as("no JVM warning about the archive").doesNotContain("CDS").doesNotContain("shared archive")
        .doesNotContain("AOT cache").doesNotContain("[aot");
    programRun(jdk, Files.writeString(tmp.resolve("a-file"), "").resolve("cache"));
  }

  /** @return the launcher's standard error */
  String programRun(Jdks.Jdk jdk, Path cache) throws Exception {
    String stderr = programRun(jdk, cache, "--version");
    assertThat(stderr).contains("fpp4j program: unexpected arguments [--version]");
    return stderr;
  }

  /**
   * A run as a host starts the program (no arguments), here without the host's pipes: the program stops at its
   * first preimage request, having loaded what a run loads up to there, and the launcher may make its archive.
   */
  void programRunWithoutArguments(Jdks.Jdk jdk, Path cache) throws Exception {
    assertThat(programRun(jdk, cache, new String[0]))
        .contains("this program must be started by a host or FPVM that passes pipes on descriptors 3 to 6");
  }

  private String programRun(Jdks.Jdk jdk, Path cache, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(LauncherE2eTest.root().resolve("bin/fpp4j-program").toString());
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("FPP4J_CLIENT_CLASSPATH", classPath);
    pb.environment().remove("FPP4J_CDS");
    pb.environment().remove("FPP4J_JAVA_OPTS");
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("PATH", jdk.bin() + ":" + System.getenv("PATH"));
    Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/fpp4j-program did not finish on " + jdk);
    }
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as("exit code on %s, stderr:%n%s", jdk, stderr).isEqualTo(2);
    assertThat(Files.readString(out)).as("standard output on %s", jdk).isEmpty();
    return stderr;
  }

  static void writable(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
  }

  static byte[] emptyJar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      jar.putNextEntry(new JarEntry("fpp4j-cds-test/"));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }
}
