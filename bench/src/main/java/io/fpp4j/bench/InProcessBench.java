package io.fpp4j.bench;

import io.fpp4j.preimage.ChannelPair;
import io.fpp4j.preimage.Channels;
import io.fpp4j.preimage.DirectOracle;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.Hinter;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.PreimageOracle;
import io.fpp4j.preimage.PreimageServer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trips between two threads of one JVM: a {@link PreimageServer} on a server thread, the benchmark
 * thread as the client, over the in-memory channel pair or a pair of OS pipes; and, for comparison, no round
 * trip at all: a {@link DirectOracle} over the same fetcher, called on the benchmark thread (native mode's
 * default).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class InProcessBench {

  @State(Scope.Benchmark)
  public static class Server {
    /**
     * {@code memory}: {@link Channels#inMemoryPair()}; {@code ospipe}: {@link Channels#osPipePair()};
     * {@code direct}: no channels, a {@link DirectOracle}.
     */
    @Param({"memory", "ospipe", "direct"})
    public String channel;

    ChannelPair hintPair;
    ChannelPair preimagePair;
    Thread serverThread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    PreimageOracle oracle;
    Hinter hints;
    DirectOracle direct;
    final byte[] largeBuf = new byte[BenchData.LARGE_SIZE];

    @Setup(Level.Trial)
    public void start() {
      if (channel.equals("direct")) {
        direct = DirectOracle.builder(BenchData.fetcher()).build();
        oracle = direct;
        hints = direct;
        return;
      }
      hintPair = pair(channel);
      preimagePair = pair(channel);
      PreimageServer server =
          PreimageServer.builder(hintPair.host(), preimagePair.host(), BenchData.fetcher()).build();
      serverThread = new Thread(() -> {
        try {
          server.run();
        } catch (Throwable t) {
          failure.set(t);
        }
      }, "bench-preimage-server");
      serverThread.setDaemon(true);
      serverThread.start();
      oracle = new OracleReader(preimagePair.client());
      hints = new HintWriter(hintPair.client());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
      if (direct != null) {
        RuntimeException f = direct.failure();
        if (f != null) throw new IllegalStateException("direct oracle failed: " + f, f);
        return;
      }
      hintPair.client().close();
      preimagePair.client().close();
      serverThread.join(10_000);
      if (serverThread.isAlive()) throw new IllegalStateException("server thread did not end after the client closed");
      hintPair.close();
      preimagePair.close();
      if (failure.get() != null) throw new IllegalStateException("server failed: " + failure.get(), failure.get());
    }

    private static ChannelPair pair(String kind) {
      switch (kind) {
        case "memory": return Channels.inMemoryPair();
        case "ospipe": return Channels.osPipePair();
        default: throw new IllegalArgumentException("unknown channel kind '" + kind + "' (memory, ospipe, direct)");
      }
    }
  }

  @Benchmark
  public byte[] preimage100(Server s) {
    return s.oracle.get(BenchData.SMALL_KEY);
  }

  @Benchmark
  public byte[] preimage128k(Server s) {
    return s.oracle.get(BenchData.LARGE_KEY);
  }

  @Benchmark
  public void hint(Server s) {
    s.hints.hint(BenchData.HINT);
  }
}
