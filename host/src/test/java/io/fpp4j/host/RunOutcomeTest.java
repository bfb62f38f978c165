package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.serve.FetchCancelledException;
import io.fpp4j.host.serve.FetchStats;
import io.fpp4j.preimage.ChannelClosedException;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a run's parts become the exit code and the summary. */
class RunOutcomeTest {
  static final Duration T = Duration.ofMillis(1234);

  @Test
  void programVerdictsPassThrough() {
    for (int code : new int[] {0, 1, 2}) {
      RunOutcome o = RunOutcome.of(Mode.EXEC, null, new ModeResult(code, served(1, 2, 3, null), null), FetchStats.NONE, T);
      assertThat(o.exitCode()).isEqualTo(code);
    }
    RunOutcome odd = RunOutcome.of(Mode.EXEC, null, new ModeResult(137, served(1, 2, 3, null), null), FetchStats.NONE, T);
    assertThat(odd.exitCode()).isEqualTo(HostExitCode.PROGRAM_FAILURE);
  }

  @Test
  void aHostFailureWinsOverTheProgramsCode() {
    KeyNotFoundException missing = new KeyNotFoundException("no preimage for key 0x02ab");
    RunOutcome o = RunOutcome.of(Mode.NATIVE, "claim 0x44", new ModeResult(2, served(5, 1536, 2, missing), null),
        new FetchStats(3, 1, 2, 10, 2048), T);
    assertThat(o.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(o.summary()).containsExactly(
        "claim 0x44",
        "verdict: program failure (program exit 2), after the host stopped serving it: a consequence of the host failure, not a verdict",
        "served 5 preimages (1.5 KiB) and 2 hints",
        "fetched 10 preimages (2.0 KiB) in 3 hint fetches (1 failed, 2 retries)",
        "time 1.234s",
        "HOST FAILURE: no preimage for key 0x02ab",
        "exit 3 (host failure)");
  }

  @Test
  void aChannelTheProgramBrokeIsNotTheHostsFailureWhenTheProgramsCodeIsKnown() {
    ChannelClosedException closed = new ChannelClosedException("client closed the preimage channel after 3 of the 32 bytes of a key");
    RunOutcome o = RunOutcome.of(Mode.EXEC, null, new ModeResult(2, served(0, 0, 0, closed), null), FetchStats.NONE, T);
    assertThat(o.exitCode()).isEqualTo(HostExitCode.PROGRAM_FAILURE);
    assertThat(o.hostFailure()).isNull();
    assertThat(o.summary()).contains("note: client closed the preimage channel after 3 of the 32 bytes of a key");
    RunOutcome cancelled = RunOutcome.of(Mode.EXEC, null,
        new ModeResult(0, served(0, 0, 0, new FetchCancelledException("stopped fetching preimage 0x02: the program exited")), null),
        FetchStats.NONE, T);
    assertThat(cancelled.exitCode()).isZero();
    // In server mode nobody else reports a verdict, so the same failure is the host's.
    RunOutcome server = RunOutcome.of(Mode.SERVER, null, new ModeResult(null, served(0, 0, 0, closed), null), FetchStats.NONE, T);
    assertThat(server.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
  }

  @Test
  void aProgramThatCouldNotStart() {
    RunOutcome o = RunOutcome.of(Mode.EXEC, null,
        new ModeResult(null, null, new IllegalStateException("could not start the program /x: child process exited with code 3 "
            + "before opening descriptors 3 to 6")), FetchStats.NONE, T);
    assertThat(o.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(o.summary()).containsExactly("verdict: none (the program did not run)", "time 1.234s",
        "HOST FAILURE: could not start the program /x: child process exited with code 3 before opening descriptors 3 to 6",
        "exit 3 (host failure)");
  }

  private static PreimageServer.Outcome served(long preimages, long bytes, long hints, RuntimeException failure) {
    return new PreimageServer.Outcome(new PreimageServer.Stats(preimages, bytes, hints, 0), failure);
  }
}
