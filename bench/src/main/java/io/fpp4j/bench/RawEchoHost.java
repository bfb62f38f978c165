package io.fpp4j.bench;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The least a Java host can do per request: read 32 bytes from descriptor 5, write one fixed frame
 * ({@code u64be(100) ‖ }{@link BenchData#SMALL}) to descriptor 6, through the same {@code /proc/self/fd}
 * streams fpp4j's native kernel uses, with no parsing, lookup or allocation. With {@link RawPipeBench} it
 * measures what the JVM's stream I/O costs by itself, below any fpp4j code.
 */
public final class RawEchoHost {
  private RawEchoHost() {}

  public static void main(String[] args) throws IOException {
    byte[] key = new byte[32];
    byte[] frame = RawPipeBench.smallFrame();
    try (InputStream in = new FileInputStream("/proc/self/fd/5");
         OutputStream out = new FileOutputStream("/proc/self/fd/6", true)) {
      while (true) {
        int got = 0;
        while (got < key.length) {
          int n = in.read(key, got, key.length - got);
          if (n < 0) {
            if (got == 0) return; // the client closed between requests: done
            throw new IOException("client closed the channel after " + got + " of the 32 bytes of a key");
          }
          got += n;
        }
        out.write(frame, 0, frame.length);
      }
    }
  }
}
