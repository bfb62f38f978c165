package io.fpp4j.interop;

import io.fpp4j.fpvm.PipedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs one scenario between a host and a client. Every wait has a deadline: a peer that hangs or dies early
 * ends the run with a note, never a hung test.
 */
final class Runs {
  /**
   * How long a whole run may take (the largest scenario needs about two seconds). A broken framing usually
   * leaves both sides waiting for bytes that never come, so this is also how long a deadlock takes to show;
   * {@code -Dfpp4j.interop.runTimeoutSeconds} shortens it for experiments.
   */
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(Long.getLong("fpp4j.interop.runTimeoutSeconds", 30));
  /** How long one side may outlive the other (normal shutdown takes milliseconds). */
  static final Duration GRACE = Duration.ofSeconds(Math.min(10, RUN_TIMEOUT.toSeconds()));

  /** Everything a run produced. {@code notes} lists what went wrong with the run itself (kills, timeouts). */
  record Result(int clientExit, String clientOut, String clientErr, int serverExit, List<String> serverRecord,
      String serverErr, List<String> notes, long hintsRead) {
    Result(int clientExit, String clientOut, String clientErr, int serverExit, List<String> serverRecord,
        String serverErr, List<String> notes) {
      this(clientExit, clientOut, clientErr, serverExit, serverRecord, serverErr, notes, -1);
    }
  }

  private Runs() {}

  /**
   * Both peers as child processes wired directly to each other through four FIFOs, as Cannon wires a host:
   * the server gets {@code 3<A 4>B 5<C 6>D}, the client {@code 4>A 3<B 6>C 5<D}. The client opens in the
   * order that pairs with the server's, so neither shell blocks the other.
   */
  static Result pair(List<String> serverCmd, List<String> clientCmd, Path dir) throws IOException, InterruptedException {
    reset(dir);
    Path a = dir.resolve("A"), b = dir.resolve("B"), c = dir.resolve("C"), d = dir.resolve("D");
    run(List.of("mkfifo", "-m", "600", a.toString(), b.toString(), c.toString(), d.toString()));
    Path record = dir.resolve("server.record");
    List<String> server = new ArrayList<>(serverCmd);
    server.add(record.toString());
    Process sp = wired("3<\"$A\" 4>\"$B\" 5<\"$C\" 6>\"$D\"", server, dir, "server", a, b, c, d);
    Process cp;
    try {
      cp = wired("4>\"$A\" 3<\"$B\" 6>\"$C\" 5<\"$D\"", clientCmd, dir, "client", a, b, c, d);
    } catch (IOException e) {
      sp.destroyForcibly();
      throw e;
    }
    List<String> notes = new ArrayList<>();
    awaitBoth(sp, "server", cp, "client", notes);
    List<String> recordLines = Files.exists(record) ? Files.readAllLines(record, StandardCharsets.UTF_8) : List.of();
    if (!Files.exists(record)) notes.add("server wrote no record file");
    return new Result(cp.exitValue(), read(dir.resolve("client.out")), read(dir.resolve("client.err")),
        sp.exitValue(), recordLines, read(dir.resolve("server.err")), notes);
  }

  /**
   * The fpp4j host in this JVM ({@link ScenarioHost} over {@link PipedProcess}'s channels), serving a client
   * child process: how an fpp4j host runs a program in exec mode.
   */
  static Result javaHost(Scenario scenario, List<String> clientCmd, Path dir) throws IOException, InterruptedException {
    return javaHost(scenario, clientCmd, dir, false);
  }

  /** As {@link #javaHost(Scenario, List, Path)}, through {@code PreimageServer} when {@code preimageServer}. */
  static Result javaHost(Scenario scenario, List<String> clientCmd, Path dir, boolean preimageServer)
      throws IOException, InterruptedException {
    reset(dir);
    ProcessBuilder pb = new ProcessBuilder(clientCmd)
        .redirectOutput(dir.resolve("client.out").toFile())
        .redirectError(dir.resolve("client.err").toFile());
    List<String> notes = new ArrayList<>();
    ScenarioHost host = new ScenarioHost(scenario);
    try (PipedProcess child = PipedProcess.start(pb, Duration.ofSeconds(30))) {
      FutureTask<ScenarioHost.Result> serving = new FutureTask<>(
          () -> preimageServer
              ? host.serveWithPreimageServer(child.hintChannel(), child.preimageChannel())
              : host.serve(child.hintChannel(), child.preimageChannel()));
      Thread t = new Thread(serving, "fpp4j-interop-java-host");
      t.setDaemon(true);
      t.start();
      Process cp = child.process();
      if (!cp.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        notes.add("client did not exit within " + RUN_TIMEOUT + "; killed it");
        cp.destroyForcibly().waitFor();
      }
      ScenarioHost.Result served = awaitHost(serving, child, host, notes);
      return new Result(cp.exitValue(), read(dir.resolve("client.out")), read(dir.resolve("client.err")),
          served.exitCode(), served.record(), served.error() == null ? "" : served.error(), notes, served.hintsRead());
    }
  }

  private static ScenarioHost.Result awaitHost(FutureTask<ScenarioHost.Result> serving, PipedProcess child,
      ScenarioHost host, List<String> notes) throws IOException, InterruptedException {
    try {
      try {
        return serving.get(GRACE.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        notes.add("Java host did not finish within " + GRACE + " after the client exited; closed its channels");
        child.close();
        return serving.get(10, TimeUnit.SECONDS);
      }
    } catch (TimeoutException e) {
      return new ScenarioHost.Result(-1, host.record(), "host stuck after its channels were closed");
    } catch (ExecutionException e) {
      return new ScenarioHost.Result(-1, host.record(), "host threw " + e.getCause());
    }
  }

  private static Process wired(String redirects, List<String> command, Path dir, String name, Path a, Path b, Path c,
      Path d) throws IOException {
    List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" " + redirects, "sh"));
    shell.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(shell)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("A", a.toString());
    pb.environment().put("B", b.toString());
    pb.environment().put("C", c.toString());
    pb.environment().put("D", d.toString());
    return pb.start();
  }

  /** Waits for both; once one has exited the other gets {@link #GRACE}, then is killed (with a note). */
  private static void awaitBoth(Process p1, String n1, Process p2, String n2, List<String> notes)
      throws InterruptedException {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (p1.isAlive() && p2.isAlive()) {
      if (System.nanoTime() > deadline) {
        notes.add("neither " + n1 + " nor " + n2 + " exited within " + RUN_TIMEOUT + "; killed both");
        p1.destroyForcibly().waitFor();
        p2.destroyForcibly().waitFor();
        return;
      }
      p1.waitFor(20, TimeUnit.MILLISECONDS);
    }
    for (Object[] pn : new Object[][] {{p1, n1}, {p2, n2}}) {
      Process p = (Process) pn[0];
      if (!p.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
        notes.add(pn[1] + " did not exit within " + GRACE + " after its peer exited; killed it");
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static void reset(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    Files.createDirectories(dir);
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.trim());
    }
  }
}
