package io.fpp4j.fpvm;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hashing;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A test program run as a child process: it fetches one preimage of every key type (after a hint for each),
 * and its claim (local key 1) is the keccak of everything it received. Argument "crash" makes it fail.
 */
public final class AllKeyTypesProgram {
  public static void main(String[] args) {
    ProgramEntry.main(oracle -> {
      if (args.length > 0 && args[0].equals("crash")) throw new IllegalStateException("asked to crash");
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (PreimageKey key : AllKeyTypes.keys()) {
        oracle.hint("fetch " + key.type() + " " + key.hex());
        all.writeBytes(oracle.get(key));
      }
      byte[] claim = oracle.get(PreimageKey.local(1));
      Io.print("received " + all.size() + " bytes\n");
      return Arrays.equals(claim, Hashing.keccak256(all.toByteArray()));
    });
  }
}
