package io.fpp4j.bench;

import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.TruncatedReadException;
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
 * The Java floor of the cross-process round trip: the same two JVMs, FIFOs and streams as
 * {@link CrossProcessBench}, but the client writes a fixed key and reads the 108-byte answer with the
 * fewest reads, and the host is {@link RawEchoHost}. No fpp4j protocol code runs on either side, so the
 * gap between this and {@code pingpong.c} is the JVM's, and the gap between this and
 * {@link CrossProcessBench#preimage100} is fpp4j's.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RawPipeBench {

  /** {@code u64be(100) ‖ BenchData.SMALL}: the answer a real host gives for the small key. */
  static byte[] smallFrame() {
    byte[] frame = new byte[8 + BenchData.SMALL_SIZE];
    frame[7] = (byte) BenchData.SMALL_SIZE;
    System.arraycopy(BenchData.SMALL, 0, frame, 8, BenchData.SMALL_SIZE);
    return frame;
  }

  @State(Scope.Benchmark)
  public static class Echo {
    PipedProcess host;
    Channel channel;
    final byte[] key = BenchData.SMALL_KEY.bytes();
    final byte[] answer = new byte[4096];

    @Setup(Level.Trial)
    public void start() throws IOException {
      host = BenchHost.startJava(RawEchoHost.class);
      channel = host.preimageChannel();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
      host.close();
      int code = host.waitFor();
      if (code != 0) throw new IllegalStateException("raw echo host exited with code " + code);
    }
  }

  /** Key out, 108 bytes back, with one read when they arrive together (they do: the host writes them at once). */
  @Benchmark
  public int preimage100(Echo e) throws IOException {
    e.channel.write(e.key, 0, e.key.length);
    int got = 0;
    while (got < 8 + BenchData.SMALL_SIZE) {
      int n = e.channel.read(e.answer, got, 8 + BenchData.SMALL_SIZE - got);
      if (n < 0) throw new TruncatedReadException(got, 8 + BenchData.SMALL_SIZE);
      got += n;
    }
    return e.answer[8 + BenchData.SMALL_SIZE - 1];
  }
}
