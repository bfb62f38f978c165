package io.fpp4j.evm.statetest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.evm.SpecId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the legacy Cancun GeneralStateTests for the Cancun fork (and, with
 * {@code -Devm.stateTests.forks=Berlin,London,Paris,Shanghai,Cancun}, the other forks; {@code Merge} names
 * Paris too): the post-state root, the logs hash and the expected rejection must all match. Only Cancun by
 * default, so CI's run stays the Cancun set; the files' forks before Berlin are never run (no {@link SpecId}).
 * Cases in {@code state-tests-known-failures.txt} must fail (with the reason given there), so the list cannot go stale.
 */
class GeneralStateTestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> KNOWN = knownFailures();
  private static final Set<String> FAILED = Collections.newSetFromMap(new ConcurrentHashMap<>());
  private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>(); // fork -> {run, pass}

  /** The forks to run, as {@link SpecId}s so that a file's "Paris" matches a requested "Merge" and back. */
  private static Set<SpecId> forks() {
    String p = System.getProperty("evm.stateTests.forks", "Cancun");
    Set<SpecId> s = EnumSet.noneOf(SpecId.class);
    for (String f : p.split(",")) {
      SpecId spec = SpecId.fromTestName(f.trim());
      if (spec == null) {
        throw new IllegalArgumentException("evm.stateTests.forks: unknown fork '" + f.trim() + "' in '" + p
            + "' (Berlin, London, Paris or Merge, Shanghai, Cancun, Prague)");
      }
      s.add(spec);
    }
    return s;
  }

  private static Map<String, String> knownFailures() {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = GeneralStateTestsTest.class.getResourceAsStream("/state-tests-known-failures.txt")) {
      if (in == null) return m;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        int hash = line.indexOf(" # ");
        if (hash < 0) throw new IllegalStateException("known failure without a reason: " + line);
        m.put(line.substring(0, hash).strip(), line.substring(hash + 3).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  @TestFactory
  Stream<DynamicNode> generalStateTests() throws IOException {
    Path root = StateTestFixtures.generalStateTests();
    Set<SpecId> forks = forks();
    StateTestRunner runner = new StateTestRunner(StateTestMain::precompilesFor);
    return StateTestFixtures.files().stream().flatMap(file -> {
      String rel = root.relativize(file).toString();
      List<StateTest> tests;
      try {
        tests = StateTest.fromJson(JSON.readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + file, e);
      }
      List<DynamicNode> cases = new ArrayList<>();
      for (StateTest t : tests) {
        for (StateTest.Post p : t.posts()) {
          SpecId spec = SpecId.fromTestName(p.fork());
          if (spec == null || !forks.contains(spec)) continue;
          String key = rel + ":" + t.name() + ":" + p.fork() + ":" + p.index();
          cases.add(DynamicTest.dynamicTest(key, () -> {
            StateTestRunner.Result r = runner.run(t, p);
            COUNTS.computeIfAbsent(p.fork(), f -> new int[2]);
            synchronized (COUNTS) {
              COUNTS.get(p.fork())[0]++;
              if (r.pass()) COUNTS.get(p.fork())[1]++;
            }
            String known = KNOWN.get(key);
            if (!r.pass()) FAILED.add(key + " # " + r.error());
            if (known != null) {
              assertThat(r.pass()).as("%s is listed as a known failure (%s) but now passes: remove it from the list", key, known)
                  .isFalse();
              // A listed case must fail for the listed reason, not hide another bug behind it.
              String label = known.replaceFirst("^precompile (.*) not yet in this branch$", "calls precompile $1 ");
              assertThat(r.error()).as("%s fails for another reason than the listed one (%s)", key, known).contains(label);
            } else {
              assertThat(r.error()).as(key).isEmpty();
            }
          }));
        }
      }
      return cases.stream();
    });
  }

  @AfterAll
  static void report() throws IOException {
    List<String> lines = new ArrayList<>(FAILED);
    Collections.sort(lines);
    Files.write(Path.of("target", "state-tests-failures.txt"), lines);
    StringBuilder sb = new StringBuilder("state tests:");
    new TreeSet<>(COUNTS.keySet()).forEach(f -> sb.append(' ').append(f).append(' ')
        .append(COUNTS.get(f)[1]).append('/').append(COUNTS.get(f)[0])
        .append(" (").append(COUNTS.get(f)[0] - COUNTS.get(f)[1]).append(" failed)"));
    System.out.println(sb);
    Files.writeString(Path.of("target", "state-tests-summary.txt"), sb + "\n");
  }
}
