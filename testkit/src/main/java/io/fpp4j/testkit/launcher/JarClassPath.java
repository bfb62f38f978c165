package io.fpp4j.testkit.launcher;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A test JVM's class path as the launchers see it after {@code mvn package}: jars only. The launchers archive
 * classes for Class Data Sharing only from jars ({@code bin/lib/cds.bash}), so tests that run them on the
 * reactor's {@code target/classes} directories never reach that code; this jars each directory entry. Test
 * output directories ({@code test-classes}) are left out, so that the launched JVM sees the main resources only
 * (no {@code logback-test.xml}), as an installed one does.
 */
public final class JarClassPath {
  private JarClassPath() {}

  /**
   * @param classPath entries separated by {@link File#pathSeparator}
   * @param dir where the jars of directory entries are written (named {@code cp-N.jar})
   * @return the class path with every directory replaced by its jar, without test output directories
   */
  public static String of(String classPath, Path dir) {
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) continue;
      Path p = Path.of(entry);
      if (p.getFileName() != null && p.getFileName().toString().equals("test-classes")) continue;
      if (Files.isDirectory(p)) {
        Path jar = dir.resolve("cp-" + n++ + ".jar");
        jar(p, jar);
        out.add(jar.toString());
      } else if (Files.isRegularFile(p)) {
        out.add(entry);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  private static void jar(Path classes, Path jar) {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
         Stream<Path> all = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) all.sorted()::iterator) {
        if (p.equals(classes)) continue;
        String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
        if (Files.isDirectory(p)) {
          out.putNextEntry(new JarEntry(name + "/"));
        } else {
          out.putNextEntry(new JarEntry(name));
          Files.copy(p, out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot jar " + classes + " into " + jar + ": " + e, e);
    }
  }
}
