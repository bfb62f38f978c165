package io.fpp4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every benchmark body a few times outside JMH, with its real setup and teardown, to prove it works
 * (right bytes back, clean shutdown of the server or host child). Timing is JMH's job, not this test's.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BenchmarkSmokeTest {
  private static final int ROUNDS = 3;

  @Test
  void crossProcessBenchmarksRoundTripAgainstAHostChild() throws Exception {
    CrossProcessBench bench = new CrossProcessBench();
    CrossProcessBench.Host host = new CrossProcessBench.Host();
    host.start();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(bench.preimage100(host)).isEqualTo(BenchData.SMALL);
        assertThat(bench.preimage128k(host)).isEqualTo(BenchData.LARGE);
        assertThat(bench.preimage128kExact(host)).isEqualTo(BenchData.LARGE);
        bench.hint(host);
      }
    } finally {
      host.stop(); // throws if the child did not exit 0
    }
    assertThat(host.host.process().exitValue()).isZero();
  }

  @Test
  void rawFloorBenchmarkGetsTheSmallFrameFromAnEchoChild() throws Exception {
    RawPipeBench bench = new RawPipeBench();
    RawPipeBench.Echo echo = new RawPipeBench.Echo();
    echo.start();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(bench.preimage100(echo)).isEqualTo((int) BenchData.SMALL[BenchData.SMALL_SIZE - 1]);
        assertThat(java.util.Arrays.copyOf(echo.answer, 8 + BenchData.SMALL_SIZE)).isEqualTo(RawPipeBench.smallFrame());
      }
    } finally {
      echo.stop();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "ospipe"})
  void inProcessBenchmarksRoundTripAgainstAServerThread(String channel) throws Exception {
    InProcessBench bench = new InProcessBench();
    InProcessBench.Server server = new InProcessBench.Server();
    server.channel = channel;
    server.start();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(bench.preimage100(server)).isEqualTo(BenchData.SMALL);
        assertThat(bench.preimage128k(server)).isEqualTo(BenchData.LARGE);
        bench.hint(server);
      }
    } finally {
      server.stop(); // throws if the server failed or did not end
    }
    assertThat(server.serverThread.isAlive()).isFalse();
  }

  @Test
  void theStoreRefusesAnUnknownKeyByName() {
    var unknown = io.fpp4j.preimage.PreimageKey.local(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchData.fetcher().getPreimage(unknown))
        .hasMessageContaining(unknown.toString());
  }
}
