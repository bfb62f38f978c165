package io.fpp4j.preimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A channel over a pair of blocking streams: inherited file descriptors, pipes of a child process, FIFOs.
 * It owns both streams and closes them. Reads use {@link InputStream#read(byte[], int, int)} only: on JDK 17
 * {@code readAllBytes}/{@code readNBytes} fail with "Illegal seek" on pipes (JDK-8341666).
 */
public final class StreamChannel implements Channel {
  private final InputStream in;
  private final OutputStream out;

  public StreamChannel(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) return 0;
    return in.read(buf, off, len);
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    out.write(buf, off, len);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try (in; out) {
      // try-with-resources closes both and keeps the first failure, with the second suppressed
    }
  }
}
