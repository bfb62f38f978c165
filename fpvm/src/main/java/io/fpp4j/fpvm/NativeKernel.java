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
 * <p>Opening {@code /proc/self/fd/N} opens the pipe anew, and for a named FIFO (how a JDK 17 host wires its
 * child) a plain open blocks until the other end is open, forever if the peer has already gone. So each
 * descriptor is first opened read-write, which never blocks on a FIFO, the real end is opened while that
 * handle keeps the FIFO open, and the extra handle is closed again: a departed peer then reads as end of
 * stream instead of a hang.
 *
 * <p>When {@link RawFdIo} is available (JDK 22+ with native access enabled) descriptors 3 to 6 are read and
 * written as the raw numbers they are, with none of the above: nothing is opened, so nothing can block.
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
  private final RawFdIo.Buffer[] raw = new RawFdIo.Buffer[7];
  private final boolean useRaw;

  NativeKernel(Path fdDir) {
    this.fdDir = fdDir;
    this.useRaw = RawFdIo.available() && fdDir.equals(Path.of("/proc/self/fd"));
    inputs[0] = new FileInputStream(java.io.FileDescriptor.in);
    outputs[1] = new FileOutputStream(java.io.FileDescriptor.out);
    outputs[2] = new FileOutputStream(java.io.FileDescriptor.err);
  }

  @Override
  public void write(FileDescriptor fd, byte[] buf, int off, int len) throws IOException {
    if (useRaw && fd.number() >= 3) {
      rawBuffer(fd, false).write(fd.number(), buf, off, len);
      return;
    }
    output(fd).write(buf, off, len);
  }

  @Override
  public int read(FileDescriptor fd, byte[] buf, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (useRaw && fd.number() >= 3) {
      int n = rawBuffer(fd, true).read(fd.number(), buf, off, len);
      return n == 0 ? -1 : n;
    }
    return input(fd).read(buf, off, len);
  }

  /**
   * The native buffer for {@code fd}. The lock is taken only the first time, since every read and write on the
   * hot path comes through here (an A/B in docs/performance.md puts the saving within noise, about 1%). A racy
   * read of the array is safe because a {@link RawFdIo.Buffer}'s fields are final.
   */
  private RawFdIo.Buffer rawBuffer(FileDescriptor fd, boolean reading) throws IOException {
    RawFdIo.Buffer b = raw[fd.number()];
    return b != null && reading == readable(fd.number()) ? b : openRawBuffer(fd, reading);
  }

  private static boolean readable(int n) {
    return n == 0 || n == 3 || n == 5;
  }

  /** Creates the native buffer for {@code fd}, after checking once that the descriptor is open in the right direction. */
  private synchronized RawFdIo.Buffer openRawBuffer(FileDescriptor fd, boolean reading) throws IOException {
    int n = fd.number();
    boolean readable = readable(n);
    if (reading && !readable) throw new IOException("descriptor " + n + " (" + fd + ") is write-only");
    if (!reading && readable) throw new IOException("descriptor " + n + " (" + fd + ") is read-only");
    if (raw[n] == null) {
      open(fd);
      raw[n] = new RawFdIo.Buffer();
    }
    return raw[n];
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
    if (inputs[n] == null) {
      Path p = open(fd);
      try (java.io.Closeable keepOpen = holdOpen(p)) {
        inputs[n] = new FileInputStream(p.toFile());
      }
    }
    return inputs[n];
  }

  /** The stream writing {@code fd}, opened on first use. */
  public synchronized OutputStream output(FileDescriptor fd) throws IOException {
    int n = fd.number();
    if (n == 0 || n == 3 || n == 5) throw new IOException("descriptor " + n + " (" + fd + ") is read-only");
    if (outputs[n] == null) {
      Path p = open(fd);
      try (java.io.Closeable keepOpen = holdOpen(p)) {
        // Append mode, should the descriptor be swapped for a regular file between the check and the open:
        // a plain FileOutputStream opens with O_TRUNC and would empty it.
        outputs[n] = new FileOutputStream(p.toFile(), true);
      }
    }
    return outputs[n];
  }

  /** A read-write handle on {@code p} if it can have one (a pipe or FIFO), so that opening one end cannot block. */
  private static java.io.Closeable holdOpen(Path p) {
    try {
      return new java.io.RandomAccessFile(p.toFile(), "rw");
    } catch (IOException notWritable) {
      return () -> {}; // not writable: nothing to hold, and open() has refused regular files already
    }
  }

  private Path open(FileDescriptor fd) throws IOException {
    Path p = fdDir.resolve(Integer.toString(fd.number()));
    if (!Files.exists(p)) {
      throw new IOException("descriptor " + fd.number() + " (" + fd + ") is not open in this process: this program "
          + "must be started by a host or FPVM that passes pipes on descriptors 3 to 6");
    }
    // Started by hand, a JVM has its own files on 3 to 6 (class-path jars, a log); writing hints or keys into
    // them appended bytes to a jar and broke it. No host or FPVM hands out a regular file or a directory (a file
    // could never answer a request anyway), so anything but a pipe, FIFO or socket is refused before any I/O.
    if (Files.isRegularFile(p) || Files.isDirectory(p)) {
      throw new IOException("descriptor " + fd.number() + " (" + fd + ") is " + describe(p) + ", not a pipe: this "
          + "program must be started by a host or FPVM that passes pipes on descriptors 3 to 6");
    }
    return p;
  }

  private static String describe(Path p) {
    String kind = Files.isDirectory(p) ? "the directory " : "the regular file ";
    try {
      return kind + p.toRealPath();
    } catch (IOException e) {
      return kind.trim();
    }
  }
}
