package io.fpp4j.executor;

/**
 * The length FastLZ (level 1, as Solady's {@code LibZip.flzCompress}) would compress a byte string to,
 * which Fjord's L1 fee estimate is built on. Hand-written from the algorithm's description in the Fjord
 * specification (a 13-bit hash table of 3-byte sequences, literal runs of up to 32 bytes, matches of up
 * to 264 bytes within an 8 KiB window); only the output length is computed, never the output.
 */
public final class FastLz {
  private FastLz() {}

  public static int compressedLength(byte[] in) {
    int[] table = new int[8192];
    int n = 0;
    int anchor = 0;
    int limit = in.length < 13 ? 0 : in.length - 13;
    int ip = anchor + 2;
    while (ip < limit) {
      int ref;
      int distance;
      while (true) {
        int seq = u24(in, ip);
        int h = hash(seq);
        ref = table[h];
        table[h] = ip;
        distance = ip - ref;
        if (ip >= limit) break;
        ip++;
        if (distance <= 0x1fff && seq == u24(in, ref)) break;
      }
      if (ip >= limit) break;
      ip--;
      if (ip > anchor) n += literalsLength(ip - anchor);
      int len = matchLength(in, ref + 3, ip + 3, limit + 9);
      n += matchCost(len);
      ip += len;
      table[hash(u24(in, ip))] = ip;
      ip++;
      table[hash(u24(in, ip))] = ip;
      ip++;
      anchor = ip;
    }
    return n + literalsLength(in.length - anchor);
  }

  private static int u24(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
  }

  /** Fibonacci hashing of the 3-byte sequence into 13 bits (32-bit wrap-around multiply). */
  private static int hash(int v) {
    return ((int) (2654435769L * v) >>> 19) & 0x1fff;
  }

  /** Runs of literals: one control byte per 32 literals. */
  private static int literalsLength(int r) {
    int n = 0x21 * (r / 0x20);
    r %= 0x20;
    return r != 0 ? n + r + 1 : n;
  }

  /**
   * How far {@code p} and {@code q} agree, up to {@code end}; like the reference, a mismatch still counts
   * its own byte (the loop stops one step after it), which the encoder relies on.
   */
  private static int matchLength(byte[] b, int p, int q, int end) {
    int l = 0;
    int e = end - q;
    while (l < e) {
      if (b[p + l] != b[q + l]) e = 0;
      l++;
    }
    return l;
  }

  /** A match of length {@code l}: 2 or 3 bytes, plus 3 for every 262 bytes beyond. */
  private static int matchCost(int l) {
    l--;
    int n = 3 * (l / 262);
    return n + (l % 262 >= 6 ? 3 : 2);
  }
}
