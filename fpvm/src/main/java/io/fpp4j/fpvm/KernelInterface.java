package io.fpp4j.fpvm;

import java.io.IOException;

/**
 * The system calls a fault-proof program makes (kona-std-fpvm {@code BasicKernelInterface}). On an FPVM
 * these are VM syscalls; natively they are the process's inherited descriptors.
 */
public interface KernelInterface {
  /** Writes all {@code len} bytes to {@code fd}. */
  void write(FileDescriptor fd, byte[] buf, int off, int len) throws IOException;

  /** Reads at most {@code len} bytes; returns the count or -1 at end of stream. May return fewer. */
  int read(FileDescriptor fd, byte[] buf, int off, int len) throws IOException;

  /** Ends the program with {@code code}. Does not return. */
  void exit(int code);
}
