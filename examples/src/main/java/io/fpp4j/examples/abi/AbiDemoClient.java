package io.fpp4j.examples.abi;

import io.fpp4j.fpvm.Io;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.VerifyingPreimageFetcher;
import io.fpp4j.proof.boot.BootInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client half of the ABI demo, a fault-proof program on descriptors 3 to 6: it reads its boot values,
 * hints and fetches one preimage of every key type, checks each keccak and sha-256 preimage against its
 * key, and judges the claim (local key 3) against the keccak of everything it received.
 */
public final class AbiDemoClient {
  public static void main(String[] args) {
    ProgramEntry.main(oracle -> {
      BootInputs boot = BootInputs.of(oracle).named(1, "preimage count").named(2, "key list").named(3, "claim");
      long count = boot.u64(1);
      byte[] keyList = boot.bytes(2);
      List<byte[]> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        PreimageKey key = PreimageKey.of(Arrays.copyOfRange(keyList, 32 * i, 32 * i + 32));
        oracle.hint("demo-fetch " + key.hex());
        byte[] value = oracle.get(key);
        VerifyingPreimageFetcher.verify(key, value);
        values.add(value);
        Io.print(String.format("  client: %-14s %s -> %d bytes%n", key.type(), abbreviate(key.hex()), value.length));
      }
      return Arrays.equals(boot.bytes32(3).toArray(), DemoData.claimOf(values));
    });
  }

  private static String abbreviate(String hex) {
    return hex.substring(0, 10) + "…" + hex.substring(hex.length() - 4);
  }
}
