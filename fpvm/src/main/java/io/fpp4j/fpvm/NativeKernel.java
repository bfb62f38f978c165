package io.fpp4j.fpvm;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel of a natively running program: descriptors inherited from the parent (an FPVM, a host in
 * exec mode, Cannon). Plain Java cannot adopt a raw descriptor, so 3..6 are opened through
 * {@code /proc/self/fd/N}, which works for pipes and FIFOs on JDK 17 and later (not for sockets, which no
 * FPVM hands out). Reads are plain {@code read} calls: JDK 17's {@code readAllBytes} fails on pipes.
 *
 * <p>{@link #exit} flushes standard output and error and then halts, like {@code exit_group}: no
 * shutdown hooks run, and threads blocked in a read do not keep the process alive.
 */
public final class NativeKernel implements KernelInterface {
  /** The process's kernel; opens each descriptor on first use. */
  public static final NativeKernel INSTANCE = new NativeKernel(Path.of("/proc/self/fd"));

  private final Path fdDir;
  private final InputStream[] inputs = new InputStream[7];
  private final OutputStream[] outputs = new OutputStream[7];

  NativeKernel(Path fdDir) {
    this.fdDir = fdDir;
    inputs[0] = new FileInputStream(java.io.FileDescriptor.in);
    outputs[1] = new FileOutputStream(java.io.FileDescriptor.out);
    outputs[2] = new FileOutputStream(java.io.FileDescriptor.err);
  }

  @Override
  public void write(FileDescriptor fd, byte[] buf, int off, int len) throws IOException {
    output(fd).write(buf, off, len);
  }

  @Override
  public int read(FileDescriptor fd, byte[] buf, int off, int len) throws IOException {
    if (len == 0) return 0;
    return input(fd).read(buf, off, len);
  }

  @Override
  public void exit(int code) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }

  /** The stream reading {@code fd}, opened on first use. */
  public synchronized InputStream input(FileDescriptor fd) throws IOException {
    int n = fd.number();
    if (n == 1 || n == 2 || n == 4 || n == 6) throw new IOException("descriptor " + n + " (" + fd + ") is write-only");
    if (inputs[n] == null) inputs[n] = new FileInputStream(open(fd).toFile());
    return inputs[n];
  }

  /** The stream writing {@code fd}, opened on first use. */
  public synchronized OutputStream output(FileDescriptor fd) throws IOException {
    int n = fd.number();
    if (n == 0 || n == 3 || n == 5) throw new IOException("descriptor " + n + " (" + fd + ") is read-only");
    if (outputs[n] == null) outputs[n] = new FileOutputStream(open(fd).toFile());
    return outputs[n];
  }

  private Path open(FileDescriptor fd) throws IOException {
    Path p = fdDir.resolve(Integer.toString(fd.number()));
    if (!Files.exists(p)) {
      throw new IOException("descriptor " + fd.number() + " (" + fd + ") is not open in this process: this program "
          + "must be started by a host or FPVM that passes pipes on descriptors 3 to 6");
    }
    return p;
  }
}
