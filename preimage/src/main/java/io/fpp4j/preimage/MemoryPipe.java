package io.fpp4j.preimage;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded in-process byte pipe with OS-pipe semantics: a writer blocks while it is full, a reader blocks
 * while it is empty and sees end of stream once the writer closed and the bytes are drained, and a writer
 * fails once the reader closed. Unlike Kona's message-based {@code NativeChannel} it is a byte stream, so
 * a zero-length preimage or a write split across reads behaves exactly as on a real pipe.
 */
final class MemoryPipe {
  private final byte[] ring;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private int head; // next byte to read
  private int size;
  private boolean writerClosed;
  private boolean readerClosed;

  MemoryPipe(int capacity) {
    this.ring = new byte[capacity];
  }

  int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) return 0;
    lock.lock();
    try {
      while (size == 0) {
        if (readerClosed) throw new IOException("pipe closed by its reader");
        if (writerClosed) return -1;
        notEmpty.awaitUninterruptibly();
      }
      int n = Math.min(len, size);
      int first = Math.min(n, ring.length - head);
      System.arraycopy(ring, head, buf, off, first);
      System.arraycopy(ring, 0, buf, off + first, n - first);
      head = (head + n) % ring.length;
      size -= n;
      notFull.signalAll();
      return n;
    } finally {
      lock.unlock();
    }
  }

  void write(byte[] buf, int off, int len) throws IOException {
    lock.lock();
    try {
      while (len > 0) {
        while (size == ring.length && !readerClosed && !writerClosed) notFull.awaitUninterruptibly();
        if (writerClosed) throw new IOException("pipe closed by its writer");
        if (readerClosed) throw new IOException("broken pipe: the reader closed");
        int tail = (head + size) % ring.length;
        int n = Math.min(len, ring.length - size);
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(buf, off, ring, tail, first);
        System.arraycopy(buf, off + first, ring, 0, n - first);
        size += n;
        off += n;
        len -= n;
        notEmpty.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  void closeWriter() {
    lock.lock();
    try {
      writerClosed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void closeReader() {
    lock.lock();
    try {
      readerClosed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
