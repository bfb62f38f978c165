package io.fpp4j.host.mode;

import io.fpp4j.fpvm.FdChannel;
import io.fpp4j.fpvm.KernelInterface;
import io.fpp4j.host.HostServer;
import io.fpp4j.host.ModeResult;

/**
 * Serves on this process's own descriptors 3 to 6 (hints in on 3, acks out on 4, keys in on 5, preimages
 * out on 6), inherited from an FPVM such as Cannon that runs the program (kona-host and op-program
 * {@code --server}).
 */
public final class ServerMode {
  private ServerMode() {}

  public static ModeResult run(HostServer server, KernelInterface kernel) {
    return new ModeResult(null, server.serve(FdChannel.hints(kernel), FdChannel.preimages(kernel)), null);
  }
}
