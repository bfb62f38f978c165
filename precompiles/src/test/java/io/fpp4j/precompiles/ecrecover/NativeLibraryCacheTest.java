package io.fpp4j.precompiles.ecrecover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that loads libsecp256k1 and then halts, as a fault-proof program does, must leave no copy of the library in
 * its temporary directory: it uses the one {@link NativeLibraryCache} keeps in the user's cache.
 */
@EnabledOnOs(OS.LINUX)
class NativeLibraryCacheTest {
  @TempDir Path dir;

  /** The child: loads the library through KeyRecovery, prints the engine, halts without the JVM's exit hooks. */
  public static final class HaltAfterLoading {
    public static void main(String[] args) {
      System.out.println(KeyRecovery.usable().get(0));
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  @Test
  void aHaltingJvmLeavesNoCopyBehindAndTheCacheHoldsTheJarsLibrary() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cache = dir.resolve("cache");
    for (int run = 0; run < 2; run++) { // the second run finds the copy the first made
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), HaltAfterLoading.class.getName()));
      // stderr apart: JDK 22+ warns there about the library's System.load, which is not this test's business.
      Path err = dir.resolve("stderr-" + run + ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      pb.environment().put("XDG_CACHE_HOME", cache.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(err)).isZero();
      assertThat(out.strip()).isEqualTo("LIBSECP256K1");
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left.map(f -> f.getFileName().toString()).filter(n -> n.contains("secp256k1"))).as("run %d", run).isEmpty();
      }
    }
    Path lib;
    try (Stream<Path> found = Files.walk(cache)) {
      lib = found.filter(f -> f.getFileName().toString().equals("libsecp256k1-jni.so")).findFirst().orElseThrow();
    }
    assertThat(lib.getParent().getFileName().toString()).matches("secp256k1-[0-9.]+-linux-(x86_64|aarch64)");
    String arch = lib.getParent().getFileName().toString().replaceAll(".*-(linux-.*)", "$1");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("fr/acinq/secp256k1/jni/native/" + arch + "/libsecp256k1-jni.so")) {
      assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
    }
  }

  @Test
  void aStaleOrEmptyCopyIsReplaced() throws IOException {
    Path target = NativeLibraryCache.install(dir).orElseThrow().resolve("libsecp256k1-jni.so");
    long size = Files.size(target);
    Files.write(target, new byte[0]);
    assertThat(NativeLibraryCache.install(dir)).isPresent();
    assertThat(Files.size(target)).isEqualTo(size);
  }

  @Test
  void aCacheThatCannotHoldTheCopyLeavesTheLoaderToItsOwnUnpacking() throws IOException {
    // A file where the cache directory should be (as with a read-only or misconfigured XDG_CACHE_HOME).
    Path notADirectory = Files.writeString(dir.resolve("cache-file"), "x");
    assertThat(NativeLibraryCache.install(notADirectory)).isEmpty();
    assertThat(notADirectory).hasContent("x");
  }

  @Test
  void theJarIsFoundOnTheClassPathAndOtherwiseThroughTheClassLoader() throws IOException {
    assertThat(NativeLibraryCache.jarOnClassPath()).get().satisfies(jar ->
        assertThat(jar.getFileName().toString()).startsWith("secp256k1-kmp-jni-jvm-linux-").endsWith(".jar"));
    Path viaClassPath = NativeLibraryCache.install(dir.resolve("a")).orElseThrow().resolve("libsecp256k1-jni.so");
    String saved = System.getProperty("java.class.path");
    try {
      System.setProperty("java.class.path", "");
      assertThat(NativeLibraryCache.jarOnClassPath()).isEmpty();
      Path viaLoader = NativeLibraryCache.install(dir.resolve("b")).orElseThrow().resolve("libsecp256k1-jni.so");
      assertThat(Files.readAllBytes(viaLoader)).isEqualTo(Files.readAllBytes(viaClassPath)).isNotEmpty();
    } finally {
      System.setProperty("java.class.path", saved);
    }
  }
}
