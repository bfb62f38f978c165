package io.fpp4j.interop;

import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.StreamChannel;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.UncheckedIOException;

/** Channels over the inherited descriptors 3/4 (hints) and 5/6 (preimages), opened through /proc/self/fd. */
final class InheritedFds {
  private InheritedFds() {}

  static Channel hintChannel() {
    return open(3, 4);
  }

  static Channel preimageChannel() {
    return open(5, 6);
  }

  private static Channel open(int readFd, int writeFd) {
    try {
      return new StreamChannel(new FileInputStream("/proc/self/fd/" + readFd), new FileOutputStream("/proc/self/fd/" + writeFd));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("descriptors " + readFd + "/" + writeFd + " are not open: " + e.getMessage(), e);
    }
  }
}
