package io.fpp4j.host.e2e;

import io.fpp4j.preimage.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an FPVM does with its guest's descriptors 3 to 6, minus the emulation: it copies the program's hint
 * and preimage requests to a host running in server mode and the host's answers back, byte for byte and in
 * whatever chunks arrive. When either side closes, the other side's channel is closed too, as an FPVM closes
 * the host's pipes when its guest exits.
 */
final class FpvmRelay implements AutoCloseable {
  private final List<Thread> pumps = new ArrayList<>();
  private final List<Channel> channels;

  private FpvmRelay(Channel programHints, Channel programPreimages, Channel hostHints, Channel hostPreimages) {
    channels = List.of(programHints, programPreimages, hostHints, hostPreimages);
    pump("hint requests", programHints, hostHints);
    pump("hint acks", hostHints, programHints);
    pump("preimage requests", programPreimages, hostPreimages);
    pump("preimage answers", hostPreimages, programPreimages);
  }

  static FpvmRelay start(Channel programHints, Channel programPreimages, Channel hostHints, Channel hostPreimages) {
    return new FpvmRelay(programHints, programPreimages, hostHints, hostPreimages);
  }

  private void pump(String name, Channel from, Channel to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        for (int n; (n = from.read(buf, 0, buf.length)) >= 0; ) to.write(buf, 0, n);
      } catch (IOException e) {
        // the other side was closed under us: the run is over either way
      } finally {
        closeQuietly(to);
      }
    }, "fpvm-relay " + name);
    t.setDaemon(true);
    t.start();
    pumps.add(t);
  }

  private static void closeQuietly(Channel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Channel c : channels) closeQuietly(c);
    for (Thread t : pumps) t.join(5_000);
  }
}
