package io.fpp4j.fpvm;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageServer;

/** A host as an FPVM runs it: serves the shared test preimages on its own descriptors 3 to 6. */
public final class ServerModeHost {
  public static void main(String[] args) {
    var store = AllKeyTypes.preimages();
    try {
      PreimageServer.Stats stats = PreimageServer.builder(FdChannel.hints(NativeKernel.INSTANCE),
          FdChannel.preimages(NativeKernel.INSTANCE), key -> {
            byte[] v = store.get(key);
            if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
            return v;
          }).router(h -> Io.print("hint: " + h + "\n")).build().run();
      Io.print("served " + stats.preimageRequests() + " preimages\n");
      Io.exit(0);
    } catch (RuntimeException e) {
      Io.printErr("host failed: " + e.getMessage() + "\n");
      Io.exit(3);
    }
  }
}
