package io.fpp4j.host.e2e;

import io.fpp4j.testkit.launcher.JarClassPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's class path as an installed host has it, jars only ({@link JarClassPath}), for the tests that run the
 * launchers: built once per test class (register it on a static field) in a temporary directory removed after it.
 */
final class JarsOnlyClassPath implements BeforeAllCallback, AfterAllCallback {
  private Path jars;
  private String classPath;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    jars = Files.createTempDirectory("fpp4j-jars");
    classPath = JarClassPath.of(System.getProperty("java.class.path"), jars);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (jars == null) return;
    // Hand-written: deepest entries first, as @TempDir's cleanup does; the directory holds only the jars.
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(jars)) {
      entries = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : entries) Files.deleteIfExists(p);
    jars = null;
    classPath = null;
  }

  /** The jars-only class path; only between the class's before-all and after-all. */
  String get() {
    if (classPath == null) throw new IllegalStateException("JarsOnlyClassPath is not registered as a static @RegisterExtension field");
    return classPath;
  }
}
