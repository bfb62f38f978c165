package io.fpp4j.bench;

import io.fpp4j.fpvm.FdChannel;
import io.fpp4j.fpvm.Io;
import io.fpp4j.fpvm.NativeKernel;
import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.PreimageServer;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of the cross-process benchmarks: a separate JVM that serves {@link BenchData} on its own
 * descriptors 3 to 6, as a host run by an FPVM does, until the benchmark closes the pipes.
 */
public final class BenchHost {
  private BenchHost() {}

  public static void main(String[] args) {
    NativeKernel kernel = NativeKernel.INSTANCE;
    try {
      PreimageServer.builder(FdChannel.hints(kernel), FdChannel.preimages(kernel), BenchData.fetcher()).build().run();
      Io.exit(0);
    } catch (RuntimeException e) {
      Io.printErr("bench host failed: " + e + "\n");
      Io.exit(2);
    }
  }

  /**
   * The system property naming another host to start instead, as comma-separated words (JMH passes
   * {@code -jvmArgsAppend} on split at spaces): {@code bench/compare.sh} sets it to the C ping-pong's host half, so
   * that the Java client is measured against a C host.
   */
  public static final String HOST_COMMAND_PROPERTY = "fpp4j.bench.hostCommand";

  /** Starts a host child: a {@code BenchHost} JVM (see {@link #startJava}), or the command in {@link #HOST_COMMAND_PROPERTY}. */
  public static PipedProcess start() throws IOException {
    String command = System.getProperty(HOST_COMMAND_PROPERTY, "").trim();
    if (command.isEmpty()) return startJava(BenchHost.class);
    ProcessBuilder pb = new ProcessBuilder(List.of(command.split("\\s*,\\s*")))
        .redirectInput(Redirect.INHERIT)
        .redirectOutput(Redirect.DISCARD)
        .redirectError(Redirect.INHERIT);
    return PipedProcess.start(pb, Duration.ofSeconds(30));
  }

  /**
   * Starts {@code mainClass} on the same JVM and class path as this process, with pipes to this process on
   * its descriptors 3 to 6. Its standard error is inherited, so a failing host explains itself in the
   * benchmark's output.
   */
  static PipedProcess startJava(Class<?> mainClass) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    // The host runs with this JVM's choice of descriptor I/O (raw through java.lang.foreign, or streams).
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--enable-native-access") || arg.startsWith("-Dfpp4j.rawfd")) cmd.add(arg);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectInput(Redirect.INHERIT)
        .redirectOutput(Redirect.DISCARD)
        .redirectError(Redirect.INHERIT);
    return PipedProcess.start(pb, Duration.ofSeconds(30));
  }
}
