package io.fpp4j.primitives.rlp;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds canonical RLP into a growable buffer. Lists are opened with {@link #startList} and closed with
 * {@link #endList}, which writes the header in front of the payload once its length is known.
 */
public final class RlpWriter {
  private byte[] buf;
  private int size;
  private int[] open = new int[8];
  private int depth;

  public RlpWriter() {
    this(64);
  }

  public RlpWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public RlpWriter writeBytes(byte[] b) {
    return writeBytes(b, 0, b.length);
  }

  public RlpWriter writeBytes(byte[] b, int off, int len) {
    if (len == 1 && (b[off] & 0xff) < 0x80) {
      ensure(1);
      buf[size++] = b[off];
      return this;
    }
    writeHeader(0x80, len);
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  public RlpWriter writeBytes(Bytes b) {
    return writeBytes(b.unsafeArray());
  }

  public RlpWriter writeBytes32(Bytes32 b) {
    ensure(33);
    buf[size++] = (byte) 0xa0;
    b.copyTo(buf, size);
    size += 32;
    return this;
  }

  public RlpWriter writeAddress(Address a) {
    return writeBytes(a.toArray());
  }

  /** Writes an address, or the empty string for null (contract creation). */
  public RlpWriter writeOptionalAddress(Address a) {
    return a == null ? writeEmpty() : writeAddress(a);
  }

  public RlpWriter writeEmpty() {
    ensure(1);
    buf[size++] = (byte) 0x80;
    return this;
  }

  /** Writes {@code v} as an unsigned 64-bit integer (negative longs stand for 2^63 and above). */
  public RlpWriter writeLong(long v) {
    if (v == 0) return writeEmpty();
    if (v > 0 && v < 0x80) {
      ensure(1);
      buf[size++] = (byte) v;
      return this;
    }
    int n = 8 - Long.numberOfLeadingZeros(v) / 8;
    ensure(1 + n);
    buf[size++] = (byte) (0x80 + n);
    for (int i = n - 1; i >= 0; i--) buf[size++] = (byte) (v >>> (8 * i));
    return this;
  }

  public RlpWriter writeBoolean(boolean v) {
    return writeLong(v ? 1 : 0);
  }

  /** Writes a non-negative integer with no leading zero bytes. */
  public RlpWriter writeBigInteger(BigInteger v) {
    if (v.signum() < 0) throw new IllegalArgumentException("RLP integers are unsigned, got " + v);
    if (v.bitLength() <= 63) return writeLong(v.longValue());
    byte[] raw = v.toByteArray();
    int skip = raw[0] == 0 ? 1 : 0;
    return writeBytes(raw, skip, raw.length - skip);
  }

  /** Appends an already encoded item verbatim. */
  public RlpWriter writeRaw(byte[] encoded) {
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buf, size, encoded.length);
    size += encoded.length;
    return this;
  }

  public RlpWriter startList() {
    if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
    open[depth++] = size;
    return this;
  }

  public RlpWriter endList() {
    if (depth == 0) throw new IllegalStateException("endList without a matching startList");
    int start = open[--depth];
    int len = size - start;
    int headerLen = len < 56 ? 1 : 1 + lengthOfLength(len);
    ensure(headerLen);
    System.arraycopy(buf, start, buf, start + headerLen, len);
    int saved = size;
    size = start;
    writeHeader(0xc0, len);
    size = saved + headerLen;
    return this;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    if (depth != 0) throw new IllegalStateException(depth + " list(s) still open");
    return Arrays.copyOf(buf, size);
  }

  private void writeHeader(int base, int len) {
    if (len < 56) {
      ensure(1);
      buf[size++] = (byte) (base + len);
    } else {
      int n = lengthOfLength(len);
      ensure(1 + n);
      buf[size++] = (byte) (base + 55 + n);
      for (int i = n - 1; i >= 0; i--) buf[size++] = (byte) (len >>> (8 * i));
    }
  }

  private static int lengthOfLength(int len) {
    return 4 - Integer.numberOfLeadingZeros(len) / 8;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
