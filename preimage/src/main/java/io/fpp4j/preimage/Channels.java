package io.fpp4j.preimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/** Factories for {@link Channel} pairs and decorators. */
public final class Channels {
  /** Capacity of an in-process pipe, the same as a Linux pipe's default buffer. */
  public static final int MEMORY_PIPE_CAPACITY = 64 * 1024;

  private Channels() {}

  /** An in-process byte-stream pair, for a program and host in one JVM without touching the kernel. */
  public static ChannelPair inMemoryPair() {
    MemoryPipe toHost = new MemoryPipe(MEMORY_PIPE_CAPACITY);
    MemoryPipe toClient = new MemoryPipe(MEMORY_PIPE_CAPACITY);
    return new ChannelPair(new MemoryChannel(toClient, toHost), new MemoryChannel(toHost, toClient));
  }

  /** A pair over two anonymous OS pipes, as op-preimage's {@code CreateBidirectionalChannel} makes. */
  public static ChannelPair osPipePair() {
    try {
      Pipe toHost = Pipe.open();
      Pipe toClient = Pipe.open();
      return new ChannelPair(
          new NioPipeChannel(toClient.source(), toHost.sink()), new NioPipeChannel(toHost.source(), toClient.sink()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create an OS pipe", e);
    }
  }

  /**
   * Wraps {@code channel} so that no read returns more than {@code maxBytesPerRead} bytes: how an FPVM
   * (Cannon: one 8-byte word, or 4 on MIPS32) delivers data. For testing clients against short reads.
   */
  public static Channel limitReads(Channel channel, int maxBytesPerRead) {
    if (maxBytesPerRead < 1) throw new IllegalArgumentException("maxBytesPerRead must be >= 1, got " + maxBytesPerRead);
    return new Channel() {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        return channel.read(buf, off, Math.min(len, maxBytesPerRead));
      }

      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        channel.write(buf, off, len);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  private static final class MemoryChannel implements Channel {
    private final MemoryPipe in;
    private final MemoryPipe out;

    MemoryChannel(MemoryPipe in, MemoryPipe out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      return in.read(buf, off, len);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
    }

    @Override
    public void close() {
      in.closeReader();
      out.closeWriter();
    }
  }

  private static final class NioPipeChannel implements Channel {
    private final Pipe.SourceChannel in;
    private final Pipe.SinkChannel out;

    NioPipeChannel(Pipe.SourceChannel in, Pipe.SinkChannel out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (len == 0) return 0;
      return in.read(ByteBuffer.wrap(buf, off, len));
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(buf, off, len);
      while (b.hasRemaining()) out.write(b);
    }

    @Override
    public void close() throws IOException {
      try (in; out) {
        // closes both
      }
    }
  }
}
