package io.fpp4j.evm.statetest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** The shared Cancun state tests, unpacked once per build into {@code target/state-tests}. */
final class StateTestFixtures {
  private static final String ARCHIVE = "fixtures/ethereum-state-tests/legacytests-Cancun-GeneralStateTests.tar.xz";
  private static Path root;

  private StateTestFixtures() {}

  /** The {@code GeneralStateTests} directory, unpacking the archive on first use. */
  static synchronized Path generalStateTests() throws IOException {
    if (root != null) return root;
    String shared = System.getProperty("fpp4j.shared");
    if (shared == null) throw new IllegalStateException("system property fpp4j.shared is not set (run through Maven)");
    Path archive = Path.of(shared, ARCHIVE);
    if (!Files.isRegularFile(archive)) throw new IllegalStateException("state tests not found at " + archive);
    Path target = Path.of("target", "state-tests");
    Path done = target.resolve(".unpacked");
    if (!Files.exists(done)) {
      try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
           TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          Path out = target.resolve(e.getName()).normalize();
          if (!out.startsWith(target)) throw new IOException("archive entry escapes the target: " + e.getName());
          if (e.isDirectory()) {
            Files.createDirectories(out);
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.writeString(done, archive.toString());
    }
    try (Stream<Path> s = Files.walk(target)) {
      List<Path> dirs = s.filter(p -> p.getFileName().toString().equals("GeneralStateTests") && Files.isDirectory(p))
          .collect(Collectors.toList());
      if (dirs.size() != 1) throw new IllegalStateException("expected one GeneralStateTests directory, found " + dirs);
      root = dirs.get(0);
    }
    return root;
  }

  /** Every JSON file under the tests, in a stable order. */
  static List<Path> files() throws IOException {
    Path r = generalStateTests();
    try (Stream<Path> s = Files.walk(r)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }
}
