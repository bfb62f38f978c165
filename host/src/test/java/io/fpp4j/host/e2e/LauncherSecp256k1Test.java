package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/fpp4j-program}'s libsecp256k1 copy ({@code bin/lib/secp256k1.bash}): unpacked once from the class path's
 * fr.acinq JNI jar into the cache, byte for byte the jar's library, unpacked again when it is empty or older than the
 * jar, and a run without a cache directory goes on as before.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherSecp256k1Test {
  @TempDir Path tmp;

  private static Path nativeJar() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("secp256k1-kmp-jni-jvm-linux-") && e.endsWith(".jar"))
        .map(Path::of)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no secp256k1-kmp-jni-jvm-linux jar on the test class path"));
  }

  private static String platform() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") || arch.equals("x86_64") ? "linux-x86_64" : arch.equals("aarch64") ? "linux-aarch64" : null;
  }

  private static byte[] jarLibrary(Path jar, String platform) throws IOException {
    try (JarFile j = new JarFile(jar.toFile());
         InputStream in = j.getInputStream(
             j.getEntry("fr/acinq/secp256k1/jni/native/" + platform + "/libsecp256k1-jni.so"))) {
      return in.readAllBytes();
    }
  }

  /** Runs the launcher refused in FppProgram's argument check (exit 2), as LauncherCdsTest does. */
  private void programRun(String cacheHome) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(LauncherE2eTest.root().resolve("bin/fpp4j-program").toString(), "--version")
        .directory(tmp.toFile());
    pb.environment().put("FPP4J_CLIENT_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("FPP4J_CDS", "0");
    pb.environment().remove("FPP4J_JAVA_OPTS");
    pb.environment().put("XDG_CACHE_HOME", cacheHome);
    if (cacheHome.isEmpty()) pb.environment().put("HOME", "");
    Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/fpp4j-program did not finish");
    }
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as("exit code, stderr:%n%s", stderr).isEqualTo(2);
    assertThat(Files.readString(out)).isEmpty();
    assertThat(stderr).contains("fpp4j program: unexpected arguments [--version]");
  }

  private static List<Path> copies(Path cache) throws IOException {
    Path dir = cache.resolve("fpp4j/native");
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }

  @Test
  void theLibraryIsUnpackedOnceAndAgainWhenEmptyOrOlderThanTheJar() throws Exception {
    String platform = platform();
    assumeTrue(platform != null && System.getProperty("os.name").equals("Linux"),
        "libsecp256k1 copies are made on Linux x86_64/aarch64");
    Path jar = nativeJar();
    byte[] expected = jarLibrary(jar, platform);
    Path cache = tmp.resolve("cache");

    programRun(cache.toString());
    List<Path> made = copies(cache);
    assertThat(made).as("the copies in the cache").hasSize(1);
    Path lib = made.get(0);
    assertThat(lib.getFileName().toString()).isEqualTo("libsecp256k1-jni.so");
    assertThat(lib.getParent().getFileName().toString()).endsWith("-" + platform);
    assertThat(Files.readAllBytes(lib)).as("the jar's library, byte for byte").isEqualTo(expected);

    // A copy is kept: the next run leaves it as it is.
    FileTime kept = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000);
    Files.setLastModifiedTime(lib, kept);
    programRun(cache.toString());
    assertThat(Files.getLastModifiedTime(lib)).isEqualTo(kept);

    // Empty (a full disk, say) or older than the jar (a rebuilt or replaced jar): unpacked again.
    Files.write(lib, new byte[0]);
    Files.setLastModifiedTime(lib, kept);
    programRun(cache.toString());
    assertThat(Files.readAllBytes(lib)).isEqualTo(expected);
    Files.write(lib, "stale".getBytes());
    Files.setLastModifiedTime(lib, FileTime.fromMillis(0));
    programRun(cache.toString());
    assertThat(Files.readAllBytes(lib)).isEqualTo(expected);
    assertThat(copies(cache)).as("no temporary files left").containsExactly(lib);
  }

  @Test
  void withoutACacheDirectoryTheRunGoesOn() throws Exception {
    programRun("");
    Path readOnly = Files.writeString(tmp.resolve("a-file"), "");
    programRun(readOnly.resolve("cache").toString());
  }
}
