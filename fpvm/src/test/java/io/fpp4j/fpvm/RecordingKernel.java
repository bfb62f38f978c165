package io.fpp4j.fpvm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A kernel for in-process unit tests that records stdout and stderr and refuses every other descriptor. */
final class RecordingKernel implements KernelInterface {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Override
  public void write(FileDescriptor fd, byte[] buf, int off, int len) throws java.io.IOException {
    switch (fd) {
      case STDOUT -> out.write(buf, off, len);
      case STDERR -> err.write(buf, off, len);
      default -> throw new java.io.IOException("test kernel has no " + fd);
    }
  }

  @Override
  public int read(FileDescriptor fd, byte[] buf, int off, int len) throws java.io.IOException {
    throw new java.io.IOException("test kernel has no " + fd);
  }

  @Override
  public void exit(int code) {
    throw new UnsupportedOperationException("exit(" + code + ")");
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
