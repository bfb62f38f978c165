package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JVM options from the environment that keep the JVM from starting must not read as a verdict: java exits 1 then,
 * which is "the claim is invalid" under the exit contract. Both launchers ({@code bin/lib/javaopts.bash}) try such
 * options first and stop with exit 2 and the JVM's message; options that work are remembered and the run goes on.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherJavaOptsTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  /** {@code ./fpp4j --version} or {@code bin/fpp4j-program --version} (which main refuses with exit 2). */
  private Run run(String launcher, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(LauncherE2eTest.root().resolve(launcher).toString(), "--version")
        .directory(tmp.toFile());
    pb.environment().put("FPP4J_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("FPP4J_CLIENT_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("FPP4J_CDS", "0");
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    for (String v : List.of("FPP4J_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) pb.environment().remove(v);
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(launcher + " did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private long rememberedPasses() throws Exception {
    Path dir = tmp.resolve("cache/fpp4j/cds");
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("opts-[0-9a-f]{16}\\.ok")).count();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fpp4j", "bin/fpp4j-program"})
  void optionsThatStopTheJvmAreAFailureNamedWithTheJvmsMessage(String launcher) throws Exception {
    String name = launcher.substring(launcher.lastIndexOf('/') + 1);
    Run bad = run(launcher, Map.of("FPP4J_JAVA_OPTS", "-Xss2m -XX:+NoSuchFpp4jFlag"));
    assertThat(bad.exit()).as("stderr: %s", bad.err()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .startsWith(name + ": the JVM does not start with the options from the environment, so nothing was run:\n")
        .contains("  FPP4J_JAVA_OPTS=-Xss2m -XX:+NoSuchFpp4jFlag\n")
        .contains("  java: Unrecognized VM option 'NoSuchFpp4jFlag'");
    // java reads JDK_JAVA_OPTIONS itself; it is checked too, and named.
    Run badJdk = run(launcher, Map.of("JDK_JAVA_OPTIONS", "-XX:+NoSuchFpp4jFlag"));
    assertThat(badJdk.exit()).isEqualTo(2);
    assertThat(badJdk.err()).contains("  JDK_JAVA_OPTIONS=-XX:+NoSuchFpp4jFlag\n");
    assertThat(rememberedPasses()).as("a failed check is not remembered").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fpp4j", "bin/fpp4j-program"})
  void optionsThatWorkAreRememberedAndTheRunGoesOn(String launcher) throws Exception {
    Map<String, String> env = Map.of("FPP4J_JAVA_OPTS", "-Xss2m");
    Run first = run(launcher, env);
    assertThat(rememberedPasses()).isEqualTo(1);
    Run second = run(launcher, env);
    assertThat(rememberedPasses()).isEqualTo(1);
    if (launcher.equals("fpp4j")) {
      assertThat(first.exit()).isZero();
      assertThat(first.out()).startsWith("fpp4j ");
    } else {
      // The program itself ran: its main refuses --version.
      assertThat(first.exit()).isEqualTo(2);
      assertThat(first.err()).contains("fpp4j program: unexpected arguments [--version]");
    }
    assertThat(second).isEqualTo(first);
    // No options from the environment: nothing to check, nothing remembered.
    Files.walk(tmp.resolve("cache")).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    run(launcher, Map.of());
    assertThat(rememberedPasses()).isZero();
  }
}
