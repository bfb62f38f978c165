package io.fpp4j.host.store;

import io.fpp4j.preimage.PreimageKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child process of {@link CrashSafetyTest}: writes keccak-keyed random values into a store until it is
 * killed. Before each put it prints {@code begin <key> <size>} and waits for a line on stdin, so that the
 * test knows exactly which put is in flight; after the put has returned it prints {@code ok <key>}. Never
 * closes the store.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    StoreFormat format = StoreFormat.parse(args[0], "argument 1");
    Path dir = Path.of(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    KeyValueStore store = PreimageStores.open(dir, format);
    while (true) {
      // Mostly values of megabytes, so that one put lasts long enough for the test to kill it halfway.
      int size = random.nextInt(8) == 0 ? random.nextInt(64) : (1 << 20) + random.nextInt(3 << 20);
      byte[] value = new byte[size];
      random.nextBytes(value);
      PreimageKey key = PreimageKey.keccak256Of(value);
      System.out.println("begin " + key.hex() + " " + size);
      System.out.flush();
      if (in.readLine() == null) return;
      store.put(key, value);
      System.out.println("ok " + key.hex());
      System.out.flush();
    }
  }
}
