package io.fpp4j.fpvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Program-level I/O on the native kernel (kona-std-fpvm {@code io}). */
public final class Io {
  private Io() {}

  public static void print(String s) {
    writeAll(FileDescriptor.STDOUT, s.getBytes(StandardCharsets.UTF_8));
  }

  public static void printErr(String s) {
    writeAll(FileDescriptor.STDERR, s.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(FileDescriptor fd, byte[] buf) throws IOException {
    NativeKernel.INSTANCE.write(fd, buf, 0, buf.length);
  }

  public static int read(FileDescriptor fd, byte[] buf) throws IOException {
    return NativeKernel.INSTANCE.read(fd, buf, 0, buf.length);
  }

  /** Ends the process with {@code code}, like {@code exit_group}. */
  public static void exit(int code) {
    NativeKernel.INSTANCE.exit(code);
  }

  private static void writeAll(FileDescriptor fd, byte[] b) {
    try {
      NativeKernel.INSTANCE.write(fd, b, 0, b.length);
    } catch (IOException e) {
      throw new UncheckedIOException("error writing to " + fd, e);
    }
  }
}
