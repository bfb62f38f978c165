package io.fpp4j.evm;

import java.util.Arrays;

/**
 * A call frame's memory: a byte array grown in 32-byte words. Gas for growth is charged by the
 * interpreter through {@link #expansionCost} before {@link #grow}, so the array only ever grows to a
 * size that was paid for.
 */
public final class Memory {
  /**
   * The largest memory the interpreter will allocate. Paying for it costs about 2^43 gas, beyond any real
   * block; a larger request fails with out-of-gas instead of allocating (or wrapping an int).
   */
  static final long MAX_BYTES = 0x7fff_fc00L;

  byte[] data = new byte[0];
  int size;

  public int size() {
    return size;
  }

  /** The cost of {@code words} words of memory: {@code 3*words + words^2/512}. */
  static long cost(long words) {
    return 3 * words + (words * words) / 512;
  }

  /**
   * The gas to grow to cover {@code [offset, offset+len)}, 0 if it is already covered or {@code len == 0},
   * or {@link Long#MAX_VALUE} if the end is beyond {@link #MAX_BYTES}. Offsets and lengths are clamped
   * non-negative longs (see {@link Words#clampedLong}), so the sum below cannot wrap.
   */
  long expansionCost(long offset, long len) {
    if (len == 0) return 0;
    if (offset > MAX_BYTES || len > MAX_BYTES) return Long.MAX_VALUE;
    long end = offset + len;
    if (end > MAX_BYTES) return Long.MAX_VALUE;
    if (end <= size) return 0;
    long newWords = (end + 31) >>> 5;
    return cost(newWords) - cost(size >>> 5);
  }

  /** Grows to cover {@code [offset, offset+len)}; call only after charging {@link #expansionCost}. */
  void grow(long offset, long len) {
    if (len == 0) return;
    long end = offset + len;
    if (end <= size) return;
    int newSize = (int) (((end + 31) >>> 5) << 5);
    if (newSize > data.length) data = Arrays.copyOf(data, (int) Math.max(newSize, Math.min(data.length * 2L, MAX_BYTES)));
    size = newSize;
  }

  /** A copy of {@code [offset, offset+len)}, which must be inside memory unless {@code len == 0}. */
  byte[] slice(long offset, long len) {
    if (len == 0) return new byte[0];
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + len));
  }

  /**
   * Copies {@code len} bytes of {@code src} from {@code srcOff} to memory at {@code dst}, zero-filling the
   * part beyond the end of {@code src} (CALLDATACOPY, CODECOPY, EXTCODECOPY). {@code srcOff} may be huge.
   */
  void copyPadded(long dst, byte[] src, long srcOff, long len) {
    if (len == 0) return;
    int d = (int) dst;
    int n = (int) len;
    int avail = srcOff >= src.length ? 0 : (int) Math.min(n, src.length - srcOff);
    if (avail > 0) System.arraycopy(src, (int) srcOff, data, d, avail);
    if (avail < n) Arrays.fill(data, d + avail, d + n, (byte) 0);
  }
}
