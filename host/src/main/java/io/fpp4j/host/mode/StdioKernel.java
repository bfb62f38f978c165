package io.fpp4j.host.mode;

import io.fpp4j.fpvm.FileDescriptor;
import io.fpp4j.fpvm.KernelInterface;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The kernel of a program run inside the host's JVM: standard output and error go to the given streams,
 * descriptors 3 to 6 do not exist (the program talks over in-process channels) and it cannot exit the host.
 */
public final class StdioKernel implements KernelInterface {
  private final PrintStream out;
  private final PrintStream err;

  public StdioKernel(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void write(FileDescriptor fd, byte[] buf, int off, int len) throws IOException {
    switch (fd) {
      case STDOUT -> {
        out.write(buf, off, len);
        out.flush();
      }
      case STDERR -> {
        err.write(buf, off, len);
        err.flush();
      }
      default -> throw new IOException("an in-process program cannot write descriptor " + fd.number() + " (" + fd + ")");
    }
  }

  @Override
  public int read(FileDescriptor fd, byte[] buf, int off, int len) throws IOException {
    throw new IOException("an in-process program cannot read descriptor " + fd.number() + " (" + fd + ")");
  }

  @Override
  public void exit(int code) {
    throw new UnsupportedOperationException("a program run in the host's process cannot exit it (asked for code " + code + ")");
  }
}
