package io.fpp4j.derive;

import java.math.BigInteger;
import java.util.Arrays;

/** A cursor over a span batch's bytes, with the spec's encodings: unsigned varints, fixed fields and bit lists. */
final class SpanBatchReader {
  private final byte[] data;
  private int pos;

  SpanBatchReader(byte[] data, int pos) {
    this.data = data;
    this.pos = pos;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos == data.length;
  }

  /** An unsigned LEB128 varint of at most 64 bits (Go's {@code binary.Uvarint}, which also takes non-minimal forms). */
  long uvarint(String what) {
    long value = 0;
    for (int shift = 0, i = 0; ; shift += 7, i++) {
      if (pos >= data.length) throw fail(what + " is truncated");
      int b = data[pos++] & 0xff;
      if (i == 9 && b > 1) throw fail(what + " overflows 64 bits");
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) return value;
    }
  }

  byte[] fixed(int length, String what) {
    if (data.length - pos < length) throw fail(what + " needs " + length + " bytes, " + (data.length - pos) + " left");
    byte[] out = Arrays.copyOfRange(data, pos, pos + length);
    pos += length;
    return out;
  }

  /** A bit list of {@code n} bits: ceil(n/8) bytes read as a big-endian number, bit i the i-th flag. */
  BigInteger bits(long n, String what) {
    long bytes = (n + 7) / 8;
    if (bytes > data.length - pos) throw fail(what + " needs " + bytes + " bytes, " + (data.length - pos) + " left");
    BigInteger v = new BigInteger(1, fixed((int) bytes, what));
    if (v.bitLength() > n) throw fail(what + " has a bit set beyond its " + n + " flags");
    return v;
  }

  /** One span-batch tx_data: an RLP list (legacy), or a type byte 1, 2 or 4 and an RLP list; returned whole. */
  byte[] txData(String what) {
    int start = pos;
    if (pos >= data.length) throw fail(what + " is missing");
    int first = data[pos] & 0xff;
    if (first < 0xc0) {
      if (first != 1 && first != 2 && first != 4) throw fail(what + " has transaction type " + first + ", not 1, 2 or 4");
      pos++;
    }
    if (pos >= data.length) throw fail(what + " is truncated");
    int header = data[pos] & 0xff;
    if (header < 0xc0) throw fail(what + " is not an RLP list");
    long payload;
    int headerLen;
    if (header <= 0xf7) {
      payload = header - 0xc0;
      headerLen = 1;
    } else {
      int lenLen = header - 0xf7;
      if (data.length - pos - 1 < lenLen) throw fail(what + " has a truncated list header");
      payload = 0;
      for (int i = 0; i < lenLen; i++) payload = payload << 8 | (data[pos + 1 + i] & 0xff);
      if (payload < 56 || (data[pos + 1] == 0)) throw fail(what + " has a non-canonical list header");
      headerLen = 1 + lenLen;
    }
    // Eight length bytes can announce 2^63 or more, a negative long: compared unsigned, or it would move the cursor back.
    if (Long.compareUnsigned(payload, data.length - pos - headerLen) > 0) {
      throw fail(what + " declares " + Long.toUnsignedString(payload) + " bytes past the batch's end");
    }
    pos += headerLen + (int) payload;
    return Arrays.copyOfRange(data, start, pos);
  }

  DerivationException fail(String reason) {
    return new DerivationException("span batch at offset " + pos + ": " + reason);
  }
}
