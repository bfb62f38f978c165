package io.fpp4j.host.mode;

import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.host.HostServer;
import io.fpp4j.host.ModeResult;
import io.fpp4j.preimage.PreimageServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any client binary as a child with pipes on its descriptors 3 to 6 and serves it (op-program
 * {@code --exec}). The child's standard streams are the given redirects (the host's own by default, as in
 * op-program). While the host waits to fetch data the child is watched: if it exits, the fetch stops.
 */
public final class ExecMode {
  private static final Logger LOG = LoggerFactory.getLogger(ExecMode.class);
  /** How long a child may take to exit after the host stopped serving it, before it is killed. */
  static final Duration EXIT_GRACE = Duration.ofSeconds(10);

  private ExecMode() {}

  /**
   * @param command the program's path followed by its arguments
   * @param openTimeout how long the child may take to open descriptors 3 to 6
   */
  public static ModeResult run(List<String> command, HostServer server, Duration openTimeout,
                               ProcessBuilder.Redirect stdout, ProcessBuilder.Redirect stderr) {
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(stdout).redirectError(stderr);
    PipedProcess child;
    try {
      child = PipedProcess.start(pb, openTimeout);
    } catch (IOException | RuntimeException e) {
      return new ModeResult(null, null, new IllegalStateException("could not start the program " + command.get(0) + ": "
          + e.getMessage(), e));
    }
    LOG.debug("started {} as process {}", command, child.process().pid());
    Process p = child.process();
    try {
      p.onExit().thenRun(() -> server.backend().cancel("the program exited"));
      PreimageServer.Outcome serve = server.serve(child.hintChannel(), child.preimageChannel());
      if (!serve.clean() && !p.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the program did not exit within {} s after the host stopped serving it; killing it", EXIT_GRACE.toSeconds());
        p.destroyForcibly();
      }
      return new ModeResult(p.waitFor(), serve, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new ModeResult(null, null, new IllegalStateException("interrupted while running the program", e));
    } finally {
      try {
        child.close();
      } catch (IOException e) {
        LOG.debug("closing the program's pipes: {}", e.toString());
      }
    }
  }
}
