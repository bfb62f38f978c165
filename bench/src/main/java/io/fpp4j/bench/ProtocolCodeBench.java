package io.fpp4j.bench;

import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.OracleServer;
import io.fpp4j.preimage.PreimageFetcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of fpp4j's protocol code alone, per 100-byte request, with no system call and no other process:
 * each side runs against a {@link Channel} that answers from memory at once. Set beside the cross-process
 * figures, it tells how much of a round trip the code itself can account for (the rest is the kernel, the
 * JVM's descriptor I/O and what two processes sharing a core do to each other's caches).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ProtocolCodeBench {

  /** A client that sends the small key forever; whatever the server writes is dropped. */
  static final class KeySource implements Channel {
    private final byte[] key = BenchData.SMALL_KEY.bytes();
    private int pos;
    long written;

    @Override
    public int read(byte[] buf, int off, int len) {
      int n = Math.min(len, key.length - pos);
      System.arraycopy(key, pos, buf, off, n);
      pos = (pos + n) % key.length;
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      written += len;
    }

    @Override
    public void close() {}
  }

  /** A host that answers every key written to it with the small preimage's frame. */
  static final class FrameSource implements Channel {
    private final byte[] frame = RawPipeBench.smallFrame();
    private int pos = frame.length;

    @Override
    public int read(byte[] buf, int off, int len) {
      if (pos == frame.length) throw new IllegalStateException("read with no request outstanding");
      int n = Math.min(len, frame.length - pos);
      System.arraycopy(frame, pos, buf, off, n);
      pos += n;
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      pos = 0;
    }

    @Override
    public void close() {}
  }

  @State(Scope.Thread)
  public static class Sides {
    final OracleServer server = new OracleServer(new KeySource());
    final PreimageFetcher fetcher = BenchData.fetcher();
    final OracleReader reader = new OracleReader(new FrameSource());
  }

  /** The host: read a key, parse it, look it up, frame and write the answer. */
  @Benchmark
  public boolean serverRequest(Sides s) {
    return s.server.nextPreimageRequest(s.fetcher);
  }

  /** The client: write a key, read and check the length, copy the answer into a fresh array. */
  @Benchmark
  public byte[] clientRequest(Sides s) {
    return s.reader.get(BenchData.SMALL_KEY);
  }
}
