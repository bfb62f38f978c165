package io.fpp4j.fpvm;

import io.fpp4j.preimage.Channel;
import java.io.Closeable;
import java.io.IOException;

/**
 * A {@link Channel} over two raw descriptor numbers through {@link RawFdIo}: what {@link PipedProcess} and
 * {@link NativeKernel} use when the JVM offers it. {@code owner} closes the descriptors; without one they belong
 * to the process and stay open, like a program's descriptors 3 to 6.
 */
final class RawFdChannel implements Channel {
  private final int readFd;
  private final int writeFd;
  private final RawFdIo.Buffer in = new RawFdIo.Buffer();
  private final RawFdIo.Buffer out = new RawFdIo.Buffer();
  private final Closeable owner;
  private volatile boolean closed;

  RawFdChannel(int readFd, int writeFd, Closeable owner) {
    this.readFd = readFd;
    this.writeFd = writeFd;
    this.owner = owner;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) return 0;
    // A closed number may already name another file: never call the kernel with it.
    if (closed) throw new IOException("channel on descriptors " + readFd + "/" + writeFd + " is closed");
    int n = in.read(readFd, buf, off, len);
    return n == 0 ? -1 : n;
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    if (closed) throw new IOException("channel on descriptors " + readFd + "/" + writeFd + " is closed");
    out.write(writeFd, buf, off, len);
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    if (owner != null) owner.close();
  }
}
