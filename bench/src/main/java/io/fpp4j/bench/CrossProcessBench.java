package io.fpp4j.bench;

import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.OracleReader;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trips across two processes: this JVM is the client program, a {@link BenchHost} JVM is the host,
 * and they talk over the FIFOs {@link PipedProcess} puts on the host's descriptors 3 to 6. This is the
 * figure the goal is about; {@code bench/c/pingpong.c} is its physical limit.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CrossProcessBench {

  /** One host child per trial; the wire has no request ids, so one benchmark thread. */
  @State(Scope.Benchmark)
  public static class Host {
    PipedProcess host;
    OracleReader oracle;
    HintWriter hints;
    final byte[] largeBuf = new byte[BenchData.LARGE_SIZE];

    @Setup(Level.Trial)
    public void start() throws IOException {
      host = BenchHost.start();
      oracle = new OracleReader(host.preimageChannel());
      hints = new HintWriter(host.hintChannel());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
      host.close();
      int code = host.waitFor();
      if (code != 0) throw new IllegalStateException("benchmark host exited with code " + code);
    }
  }

  /** 32-byte key out, 8-byte length and 100 bytes back: the common case. */
  @Benchmark
  public byte[] preimage100(Host h) {
    return h.oracle.get(BenchData.SMALL_KEY);
  }

  /** 32-byte key out, 8-byte length and 128 KiB back, into a fresh array as {@code get} returns. */
  @Benchmark
  public byte[] preimage128k(Host h) {
    return h.oracle.get(BenchData.LARGE_KEY);
  }

  /** The 128 KiB answer into the caller's reused buffer ({@code getExact}). */
  @Benchmark
  public byte[] preimage128kExact(Host h) {
    h.oracle.getExact(BenchData.LARGE_KEY, h.largeBuf);
    return h.largeBuf;
  }

  /** An 82-byte hint out, the one-byte ack back. */
  @Benchmark
  public void hint(Host h) {
    h.hints.hint(BenchData.HINT);
  }
}
