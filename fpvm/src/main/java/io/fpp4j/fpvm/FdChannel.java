package io.fpp4j.fpvm;

import io.fpp4j.preimage.Channel;
import java.io.IOException;

/**
 * A {@link Channel} over two descriptors of a {@link KernelInterface} (kona-std-fpvm {@code FileChannel}).
 * Unlike Kona's, a read of end-of-stream ends {@link #readFully} with an error instead of spinning.
 */
public final class FdChannel implements Channel {
  private final KernelInterface kernel;
  private final FileDescriptor readFd;
  private final FileDescriptor writeFd;

  public FdChannel(KernelInterface kernel, FileDescriptor readFd, FileDescriptor writeFd) {
    this.kernel = kernel;
    this.readFd = readFd;
    this.writeFd = writeFd;
  }

  /** Hints on 3 (read) and 4 (write): the client's hint channel, and the host's under an FPVM. */
  public static FdChannel hints(KernelInterface kernel) {
    return new FdChannel(kernel, FileDescriptor.HINT_READ, FileDescriptor.HINT_WRITE);
  }

  /** Preimages on 5 (read) and 6 (write): the client's preimage channel, and the host's under an FPVM. */
  public static FdChannel preimages(KernelInterface kernel) {
    return new FdChannel(kernel, FileDescriptor.PREIMAGE_READ, FileDescriptor.PREIMAGE_WRITE);
  }

  public FileDescriptor readFd() {
    return readFd;
  }

  public FileDescriptor writeFd() {
    return writeFd;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    return kernel.read(readFd, buf, off, len);
  }

  @Override
  public void write(byte[] buf, int off, int len) throws IOException {
    kernel.write(writeFd, buf, off, len);
  }

  /**
   * Does nothing: the descriptors belong to the process and close when it exits, which is how the peer
   * learns that the program is done (the same holds for Kona's and op-preimage's clients).
   */
  @Override
  public void close() {}
}
