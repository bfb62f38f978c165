package io.fpp4j.bench;

import io.fpp4j.fpvm.FileDescriptor;
import io.fpp4j.fpvm.NativeKernel;
import java.io.IOException;

/**
 * The least a Java host can do per request: read 32 bytes from descriptor 5 and write one fixed frame
 * ({@code u64be(100) ‖ }{@link BenchData#SMALL}) to descriptor 6, with no parsing, lookup or allocation, through
 * the same descriptor I/O as fpp4j's {@link NativeKernel}: raw {@code read}/{@code write} through
 * {@code java.lang.foreign} where that is on (JDK 22+ with native access), the {@code /proc/self/fd} streams
 * otherwise. With {@link RawPipeBench} it measures what the JVM's I/O costs by itself, below any fpp4j code.
 */
public final class RawEchoHost {
  private RawEchoHost() {}

  public static void main(String[] args) throws IOException {
    NativeKernel kernel = NativeKernel.INSTANCE;
    byte[] key = new byte[32];
    byte[] frame = RawPipeBench.smallFrame();
    while (true) {
      int got = 0;
      while (got < key.length) {
        int n = kernel.read(FileDescriptor.PREIMAGE_READ, key, got, key.length - got);
        if (n < 0) {
          if (got == 0) kernel.exit(0); // the client closed between requests: done
          throw new IOException("client closed the channel after " + got + " of the 32 bytes of a key");
        }
        got += n;
      }
      kernel.write(FileDescriptor.PREIMAGE_WRITE, frame, 0, frame.length);
    }
  }
}
