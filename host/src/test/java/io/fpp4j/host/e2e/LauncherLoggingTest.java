package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's logging as an installed host has it: {@code bin/kona-host} on a jars-only class path without the
 * tests' {@code logback-test.xml}, so that {@code LogConfigurator} sets logging up (INFO to standard error, in its
 * pattern), and kona-host's {@code -q} and {@code -v} counts, before the subcommand, still set the level over it. A
 * {@code logback.configurationFile} an operator names still wins. CDS is off: {@link LauncherCdsTest} covers it.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherLoggingTest {
  private static final String HASH = "0x" + "11".repeat(32);
  /** LogConfigurator.PATTERN's shape: time, level padded to 5, logger, message. */
  private static final Pattern INFO_LINE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  HostLauncher - host: exec mode");

  @RegisterExtension static final JarsOnlyClassPath JARS = new JarsOnlyClassPath();

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  /** kona-host single, offline on an empty data directory, with a program that exits 0 at once. */
  Run konaHost(List<String> globals, Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LauncherE2eTest.root().resolve("bin/kona-host").toString()));
    cmd.addAll(globals);
    cmd.addAll(List.of("single", "--l1-head", HASH, "--agreed-l2-head-hash", HASH, "--agreed-l2-output-root", HASH,
        "--claimed-l2-output-root", HASH, "--claimed-l2-block-number", "5", "--l2-chain-id", "10",
        "--data-dir", Files.createDirectories(tmp.resolve("db")).toString(), "--exec", "/bin/sh", "--", "-c", "exit 0"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("FPP4J_CLASSPATH", JARS.get());
    pb.environment().put("FPP4J_CDS", "0");
    pb.environment().remove("FPP4J_JAVA_OPTS");
    pb.environment().keySet().removeIf(k -> k.startsWith("KONA_"));
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/kona-host did not finish: " + cmd);
    }
    Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    assertThat(run.code()).as("exit code of %s, stderr:%n%s", globals, run.err()).isZero();
    assertThat(run.out()).as("standard output (the program's)").isEmpty();
    return run;
  }

  Run konaHost(String... globals) throws Exception {
    return konaHost(List.of(globals), Map.of());
  }

  @Test
  void byDefaultTheHostLogsInfoToStandardErrorInItsPattern() throws Exception {
    Run run = konaHost();
    assertThat(run.err()).containsPattern(INFO_LINE).contains("INFO  host - exit 0 (valid claim)").doesNotContain("DEBUG")
        .as("SLF4J's own notices (HostLogProvider is named, not searched for)").doesNotContain("SLF4J");
  }

  @Test
  void quietLogsNothing() throws Exception {
    assertThat(konaHost("-q").err()).isEmpty();
  }

  @Test
  void theVerbosityCountSetsTheLevel() throws Exception {
    assertThat(konaHost("-v").err()).as("-v: errors only").doesNotContain("INFO").doesNotContain("WARN");
    assertThat(konaHost("-vvv").err()).as("-vvv: info").containsPattern(INFO_LINE).doesNotContain("DEBUG");
    assertThat(konaHost("-vvvv").err()).as("-vvvv: debug").containsPattern(INFO_LINE).contains("DEBUG ExecMode - started");
  }

  @Test
  void aConfigurationFileTheOperatorNamesWins() throws Exception {
    Path xml = Files.writeString(tmp.resolve("logback.xml"), """
        <configuration>
          <appender name="E" class="ch.qos.logback.core.ConsoleAppender">
            <target>System.err</target>
            <encoder><pattern>operator %level %logger{0}: %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="E"/></root>
        </configuration>
        """);
    Run run = konaHost(List.of(), Map.of("FPP4J_JAVA_OPTS", "-Dlogback.configurationFile=" + xml));
    assertThat(run.err()).contains("operator INFO host: exit 0 (valid claim)").doesNotContainPattern(INFO_LINE);
  }
}
