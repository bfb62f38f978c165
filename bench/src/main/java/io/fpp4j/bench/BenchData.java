package io.fpp4j.bench;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.preimage.PreimageKey;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The preimages every benchmark serves: a 100-byte one (the size of a small trie node or a header field,
 * the common case) and a 128 KiB one (a blob-sized answer, twice a Linux pipe's buffer), under their keccak
 * keys. The data is derived from fixed seeds, so the benchmark process and a host child build the same store.
 */
public final class BenchData {
  public static final int SMALL_SIZE = 100;
  public static final int LARGE_SIZE = 128 * 1024;

  public static final byte[] SMALL = bytes(SMALL_SIZE, 1);
  public static final byte[] LARGE = bytes(LARGE_SIZE, 2);
  public static final PreimageKey SMALL_KEY = PreimageKey.keccak256Of(SMALL);
  public static final PreimageKey LARGE_KEY = PreimageKey.keccak256Of(LARGE);

  /** A hint of a typical shape and size: a hint type and a 32-byte hash in hex (82 bytes). */
  public static final String HINT = "l1-block-header 0x" + SMALL_KEY.hex().substring(2);

  private static final Map<PreimageKey, byte[]> STORE = Map.of(SMALL_KEY, SMALL, LARGE_KEY, LARGE);

  private BenchData() {}

  /** Prints the small key, for a benchmark client written in another language ({@code bench/compare.sh}). */
  public static void main(String[] args) {
    System.out.println(SMALL_KEY.hex());
  }

  /** Serves the two preimages; any other key is an error that names it. */
  public static PreimageFetcher fetcher() {
    return key -> {
      byte[] v = STORE.get(key);
      if (v == null) throw new KeyNotFoundException("benchmark store has no preimage for key " + key);
      return v;
    };
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }
}
