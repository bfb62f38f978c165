package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/fpp4j-program} runs the program with C1 alone unless {@code FPP4J_PROGRAM_JIT=tiered} asks for the
 * JVM's full tiered compilation, and refuses any other value before it starts a JVM. The JVM's own flag table
 * ({@code -XX:+PrintFlagsFinal}, on standard output) shows what the launcher passed.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProgramLauncherJitTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private Run run(String jit, String javaOpts) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(LauncherE2eTest.root().resolve("bin/fpp4j-program").toString(), "--version")
        .directory(tmp.toFile());
    pb.environment().put("FPP4J_CLIENT_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("FPP4J_CDS", "0");
    if (jit == null) pb.environment().remove("FPP4J_PROGRAM_JIT"); else pb.environment().put("FPP4J_PROGRAM_JIT", jit);
    pb.environment().put("FPP4J_JAVA_OPTS", javaOpts);
    Path out = Files.createTempFile(tmp, "out", ".txt"), err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/fpp4j-program did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String tieredStopAtLevel(Run r) {
    assertThat(r.err()).as("the program's refusal of --version").contains("fpp4j program: unexpected arguments [--version]");
    return r.out().lines().filter(l -> l.matches("\\s*intx TieredStopAtLevel\\s+=.*"))
        .map(l -> l.replaceAll(".*=\\s*(\\d+).*", "$1")).findFirst()
        .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in the flag table:\n" + r.out()));
  }

  @Test
  void c1AloneByDefaultAndTieredOnRequest() throws Exception {
    assertThat(tieredStopAtLevel(run(null, "-XX:+PrintFlagsFinal"))).isEqualTo("1");
    assertThat(tieredStopAtLevel(run("c1", "-XX:+PrintFlagsFinal"))).isEqualTo("1");
    assertThat(tieredStopAtLevel(run("tiered", "-XX:+PrintFlagsFinal"))).isEqualTo("4");
    // FPP4J_JAVA_OPTS comes last, so an operator's own choice still wins.
    assertThat(tieredStopAtLevel(run(null, "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4"))).isEqualTo("4");
  }

  @Test
  void anUnknownChoiceIsRefusedByName() throws Exception {
    Run r = run("c2", "");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("fpp4j-program: FPP4J_PROGRAM_JIT must be c1 or tiered, not 'c2'\n");
    assertThat(r.out()).isEmpty();
  }
}
