package io.fpp4j.host;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.host.serve.Durations;
import io.fpp4j.host.serve.FetchCancelledException;
import io.fpp4j.host.serve.FetchStats;
import io.fpp4j.preimage.ChannelClosedException;
import io.fpp4j.preimage.PreimageServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of one host run: the program's verdict, what was served, and the host's own failure if any,
 * kept apart so that the exit code and the summary never confuse the two.
 *
 * @param mode how the host ran
 * @param claim one line naming the claim, or null
 * @param programExit the program's exit code, or null (server mode, or it never ran)
 * @param serve the serving session, or null if it never started
 * @param fetch what the backend fetched
 * @param hostFailure the host's failure, or null
 * @param peerProblem a channel closed by the program mid-frame, or a fetch stopped because the program exited:
 *     reported, but the program's exit code decides
 * @param elapsed wall time of the run
 */
public record RunOutcome(Mode mode, String claim, Integer programExit, PreimageServer.Outcome serve, FetchStats fetch,
                         RuntimeException hostFailure, RuntimeException peerProblem, Duration elapsed) {

  /**
   * Classifies a mode's result. A serving failure caused by the program (it closed a channel mid-frame, or
   * exited while the host was fetching) is not the host's failure when the program's exit code is known;
   * every other serving failure is.
   */
  public static RunOutcome of(Mode mode, String claim, ModeResult result, FetchStats fetch, Duration elapsed) {
    RuntimeException host = result.startFailure();
    RuntimeException peer = null;
    PreimageServer.Outcome serve = result.serve();
    if (host == null && serve != null && serve.failure() != null) {
      RuntimeException f = serve.failure();
      boolean causedByProgram = f instanceof ChannelClosedException || f instanceof FetchCancelledException;
      if (causedByProgram && result.programExit() != null) {
        peer = f;
      } else {
        host = f;
      }
    }
    return new RunOutcome(mode, claim, result.programExit(), serve, fetch, host, peer, elapsed);
  }

  /** A run that failed before serving started, e.g. a store that cannot be opened. */
  static RunOutcome failedBeforeStart(Mode mode, String claim, RuntimeException failure, Duration elapsed) {
    return new RunOutcome(mode, claim, null, null, FetchStats.NONE, failure, null, elapsed);
  }

  /** The process exit code, see {@link HostExitCode}. */
  public int exitCode() {
    if (hostFailure != null) return HostExitCode.HOST_FAILURE;
    if (programExit == null) return HostExitCode.VALID; // server mode, served to the end
    return switch (programExit) {
      case ExitCode.VALID, ExitCode.INVALID, ExitCode.FAILURE -> programExit;
      default -> HostExitCode.PROGRAM_FAILURE;
    };
  }

  /** The lines of the end-of-run summary. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (claim != null) lines.add(claim);
    if (programExit != null) {
      String verdict = switch (programExit) {
        case ExitCode.VALID, ExitCode.INVALID, ExitCode.FAILURE -> ExitCode.describe(programExit);
        default -> "program failure (it exited with unexpected code " + programExit + ")";
      };
      String line = "verdict: " + verdict + " (program exit " + programExit + ")";
      if (hostFailure != null) line += ", after the host stopped serving it: a consequence of the host failure, not a verdict";
      lines.add(line);
    } else if (mode == Mode.SERVER) {
      lines.add("verdict: none (server mode: the FPVM runs the program and reports its verdict)");
    } else {
      lines.add("verdict: none (the program did not run)");
    }
    if (serve != null) {
      lines.add(String.format(Locale.ROOT, "served %d preimages (%s) and %d hints", serve.stats().preimageRequests(),
          bytes(serve.stats().preimageBytes()), serve.stats().hints()));
    }
    if (fetch.fetches() > 0) {
      lines.add(String.format(Locale.ROOT, "fetched %d preimages (%s) in %d hint fetches (%d failed, %d retries)",
          fetch.preimagesFetched(), bytes(fetch.bytesFetched()), fetch.fetches(), fetch.failedFetches(), fetch.retries()));
    }
    lines.add("time " + Durations.format(elapsed));
    if (peerProblem != null) lines.add("note: " + peerProblem.getMessage());
    if (hostFailure != null) lines.add("HOST FAILURE: " + hostFailure.getMessage());
    int code = exitCode();
    String meaning = mode == Mode.SERVER && code == 0 ? "served until the program closed its channels" : HostExitCode.describe(code);
    lines.add("exit " + code + " (" + meaning + ")");
    return lines;
  }

  static String bytes(long n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}
