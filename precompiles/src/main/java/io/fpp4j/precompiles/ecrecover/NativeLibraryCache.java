package io.fpp4j.precompiles.ecrecover;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts libsecp256k1 where ACINQ's loader finds it without unpacking a copy of its own.
 *
 * <p>The loader unpacks the library from its jar into {@code java.io.tmpdir} at every start and deletes the copy only
 * at a normal JVM exit. A fault-proof program halts, so each run left 1.8 MB behind (616 copies had piled up on a
 * test machine). This unpacks it once into {@code ${XDG_CACHE_HOME:-~/.cache}/fpp4j/native/secp256k1-VERSION-ARCH}
 * and points the loader at it with its two properties; a user who sets them first wins. A newer jar gets a fresh
 * copy; a rename puts only a whole file in place, so concurrent runs are safe. Anything unusual (another OS, no
 * cache directory, the library not in a jar) leaves the loader to do as before.
 */
final class NativeLibraryCache {
  static final String PATH_PROPERTY = "fr.acinq.secp256k1.lib.path";
  static final String TMPDIR_PROPERTY = "fr.acinq.secp256k1.tmpdir";
  private static final String LIBRARY = "libsecp256k1-jni.so";
  /** The file name of ACINQ's linux JNI jar, before its version. */
  private static final String JAR_PREFIX = "secp256k1-kmp-jni-jvm-linux-";

  private NativeLibraryCache() {}

  /**
   * Sets the loader's properties to the cached copy, unless they are set already (by a launcher or a user), and
   * returns the library file the loader would load from them, if it is there.
   */
  static Optional<Path> prepare() {
    String set = System.getProperty(PATH_PROPERTY);
    try {
      if (set != null) return Optional.of(Path.of(set, LIBRARY)).filter(Files::isRegularFile);
      String xdg = System.getenv("XDG_CACHE_HOME");
      String home = System.getProperty("user.home");
      Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home != null ? Path.of(home, ".cache") : null;
      if (cache == null) return Optional.empty();
      Optional<Path> dir = install(cache);
      dir.ifPresent(d -> {
        System.setProperty(PATH_PROPERTY, d.toString());
        System.setProperty(TMPDIR_PROPERTY, d.toString());
      });
      return dir.map(d -> d.resolve(LIBRARY));
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The secp256k1-kmp-jni-jvm-linux jar named on {@code java.class.path}, if it is there and holds the library. */
  static Optional<Path> jarOnClassPath() {
    for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      Path p;
      try {
        p = Path.of(e);
      } catch (java.nio.file.InvalidPathException notAPath) {
        continue;
      }
      Path file = p.getFileName();
      if (file != null && file.toString().startsWith(JAR_PREFIX) && file.toString().endsWith(".jar")
          && Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The directory under {@code cache} that holds this platform's library, unpacked if missing or stale. */
  static Optional<Path> install(Path cache) {
    String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "linux-x86_64";
      case "aarch64", "arm64" -> "linux-aarch64";
      default -> null;
    };
    if (arch == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.empty();
    }
    String entry = "fr/acinq/secp256k1/jni/native/" + arch + "/" + LIBRARY;
    try {
      // The jar from the class path's text when it names it (as Maven's and the launchers' class paths do): a
      // resource lookup opens the jar through the JDK's jar machinery, about 10 ms of a cold start, which a run
      // that finds its copy in place need not pay.
      Path jar = jarOnClassPath().orElse(null);
      URL resource = null;
      if (jar == null) {
        resource = NativeLibraryCache.class.getClassLoader().getResource(entry);
        if (resource == null || !"jar".equals(resource.getProtocol())) return Optional.empty();
        jar = Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
      }
      String name = jar.getFileName().toString();
      String version = name.startsWith(JAR_PREFIX) && name.endsWith(".jar")
          ? name.substring(JAR_PREFIX.length(), name.length() - ".jar".length())
          : Long.toHexString(Files.size(jar));
      Path dir = cache.resolve("fpp4j").resolve("native").resolve("secp256k1-" + version + "-" + arch);
      Path lib = dir.resolve(LIBRARY);
      if (!Files.isRegularFile(lib) || Files.size(lib) == 0
          || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(lib)) > 0) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".libsecp256k1-jni.so.", ".part");
        if (resource == null) resource = new URL("jar:" + jar.toUri() + "!/" + entry);
        try (InputStream in = resource.openStream()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return Optional.of(dir);
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      return Optional.empty(); // the loader's own unpacking still works; only the leftover copy comes back
    }
  }
}
