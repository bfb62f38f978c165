package io.fpp4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.host.mode.NativeMode;
import io.fpp4j.host.mode.StdioKernel;
import io.fpp4j.host.serve.Backoff;
import io.fpp4j.host.serve.FetchListener;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.PreimageUnavailableException;
import io.fpp4j.host.serve.RetryPolicy;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HintType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An online host (in-memory store, a registered handler) serving a real child process: the child's hint
 * drives the fetch, and the retry policy decides between success and a host failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OnlineExecTest {
  static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO);

  @TempDir Path tmp;

  RunOutcome run(HintHandlerRegistry handlers, RetryPolicy policy) {
    LocalInputs locals = LocalInputs.builder("test").put(1, Fixture.INPUT_HASH).put(3, Fixture.CLAIM)
        .put(4, ByteBuffer.allocate(8).putLong(Fixture.BLOCK).array()).build();
    HostPlan plan = new HostPlan(Mode.EXEC, List.of(Fixture.java(), "-cp", Fixture.classPath(), ClaimProgram.class.getName()),
        null, NativeMode.Transport.OS_PIPE, null, null, locals, handlers, policy, FetchListener.NONE, null, Duration.ofSeconds(30));
    HostLauncher launcher = new HostLauncher(TestStores.opener(), new StdioKernel(System.out, System.err),
        ProcessBuilder.Redirect.to(tmp.resolve("out").toFile()), ProcessBuilder.Redirect.to(tmp.resolve("err").toFile()));
    return launcher.launch(plan);
  }

  @Test
  void theHintsHandlerFetchesTheMissingInputOnItsSecondAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HintHandlerRegistry handlers = HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L2_STATE_NODE, ChainHashHint.class, (hint, store) -> {
          assertThat(hint).isEqualTo(ChainHashHint.of(HintType.L2_STATE_NODE, Bytes32.wrap(Fixture.INPUT_HASH)));
          if (calls.incrementAndGet() == 1) throw new java.io.IOException("connection refused");
          store.put(Fixture.INPUT_KEY, Fixture.INPUT);
        }).build();
    RunOutcome o = run(handlers, new RetryPolicy.Forever(FAST));
    assertThat(o.exitCode()).as(Files.readString(tmp.resolve("err"))).isEqualTo(HostExitCode.VALID);
    assertThat(calls).hasValue(2);
    assertThat(o.fetch().retries()).isEqualTo(1);
    assertThat(o.fetch().preimagesFetched()).isEqualTo(1);
    assertThat(o.summary()).contains("fetched 1 preimages (20 B) in 2 hint fetches (1 failed, 1 retries)");
  }

  @Test
  void boundedRetriesEndInAHostFailureNamingTheKeyAndTheHint() throws Exception {
    HintHandlerRegistry handlers = HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L2_STATE_NODE, ChainHashHint.class, (hint, store) -> {
          throw new java.io.IOException("connection refused");
        }).build();
    RunOutcome o = run(handlers, new RetryPolicy.Bounded(3, FAST));
    assertThat(o.exitCode()).isEqualTo(HostExitCode.HOST_FAILURE);
    assertThat(o.programExit()).isEqualTo(2);
    assertThat(o.hostFailure()).isInstanceOf(PreimageUnavailableException.class)
        .hasMessageStartingWith("gave up on preimage " + Fixture.INPUT_KEY.hex() + " after 3 attempts")
        .hasMessageContaining("last hint: '" + Fixture.INPUT_HINT + "'")
        .hasMessageEndingWith("failed: java.io.IOException: connection refused");
    assertThat(Files.readString(tmp.resolve("err"))).startsWith("Program failed: io.fpp4j.preimage.ChannelClosedException");
  }
}
