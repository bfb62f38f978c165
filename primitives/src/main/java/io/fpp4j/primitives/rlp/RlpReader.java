package io.fpp4j.primitives.rlp;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A strict, forward-only reader over a sequence of RLP items. It accepts only the canonical encoding:
 * a single byte below 0x80 must stand for itself, short forms must be used below 56 bytes, lengths and
 * integers carry no leading zero bytes, and no item may run past its enclosing list or the input.
 *
 * <p>A reader over a whole input ({@link #of}) also owns the top level: {@link #finish} rejects trailing
 * bytes. A list read with {@link #readList} yields a reader over exactly the list's payload, so an item
 * count mismatch shows up as "trailing" items in that list. Every read names what it expected, and
 * failures carry the byte offset from the start of the input.
 */
public final class RlpReader {
  private final byte[] buf;
  private final int origin; // offset of the decoded input's first byte in buf, for error offsets
  private final int end;
  private int pos;

  // Header of the item at pos, filled by peekHeader.
  private boolean hList;
  private int hPayloadStart;
  private int hPayloadLen;

  private RlpReader(byte[] buf, int origin, int pos, int end) {
    this.buf = buf;
    this.origin = origin;
    this.pos = pos;
    this.end = end;
  }

  /** A reader over the whole of {@code input}; the array is not copied and must not change. */
  public static RlpReader of(byte[] input) {
    return new RlpReader(input, 0, 0, input.length);
  }

  /** Reads one {@code what} from the whole of {@code input} with {@code item}, rejecting trailing bytes. */
  public static <T> T decodeWhole(byte[] input, String what, Function<RlpReader, T> item) {
    RlpReader r = of(input);
    T value = item.apply(r);
    r.finish(what);
    return value;
  }

  /**
   * A reader over {@code input[off, off+len)}; positions and error offsets are indexes into {@code input}
   * (so a typed envelope read from offset 1 reports offsets within the whole envelope).
   */
  public static RlpReader of(byte[] input, int off, int len) {
    if (off < 0 || len < 0 || off + len > input.length) {
      throw new IndexOutOfBoundsException("range [" + off + ", " + (off + len) + ") outside " + input.length + " bytes");
    }
    return new RlpReader(input, 0, off, off + len);
  }

  /** True if at least one more item (or stray byte) remains. */
  public boolean hasNext() {
    return pos < end;
  }

  /** Offset of the next item from the start of the input. */
  public int position() {
    return pos - origin;
  }

  /** Bytes not yet consumed. */
  public int remaining() {
    return end - pos;
  }

  /** True if the next item is a list (without consuming it). */
  public boolean nextIsList(String what) {
    peekHeader(what);
    return hList;
  }

  /** Fails unless every byte has been consumed. */
  public void finish(String what) {
    if (pos < end) {
      throw error(pos, (end - pos) + " unexpected trailing byte(s) after " + what);
    }
  }

  /** Reads a string item and returns its payload. */
  public byte[] readBytes(String what) {
    int start = pos;
    peekHeader(what);
    if (hList) throw error(start, "expected a string for " + what + ", found a list");
    pos = hPayloadStart + hPayloadLen;
    return Arrays.copyOfRange(buf, hPayloadStart, hPayloadStart + hPayloadLen);
  }

  /** Reads a string item as an immutable {@link Bytes}. */
  public Bytes readByteString(String what) {
    return Bytes.adopt(readBytes(what));
  }

  /** Reads a string item that must be exactly {@code length} bytes long. */
  public byte[] readFixed(int length, String what) {
    int start = pos;
    byte[] b = readBytes(what);
    if (b.length != length) {
      throw error(start, what + " must be " + length + " bytes, got " + b.length);
    }
    return b;
  }

  public Bytes32 readBytes32(String what) {
    return Bytes32.wrap(readFixed(32, what));
  }

  public Address readAddress(String what) {
    return Address.wrap(readFixed(20, what));
  }

  /** An address, or null for the empty string (the "to" of a contract creation). */
  public Address readOptionalAddress(String what) {
    int start = pos;
    byte[] b = readBytes(what);
    if (b.length == 0) return null;
    if (b.length != 20) throw error(start, what + " must be empty or 20 bytes, got " + b.length);
    return Address.wrap(b);
  }

  /**
   * Reads an unsigned integer of at most 64 bits. Values of 2^63 and above come back as negative
   * longs (read them with {@link Long#toUnsignedString}); that is the full u64 range Ethereum uses.
   */
  public long readLong(String what) {
    int start = pos;
    peekHeader(what);
    if (hList) throw error(start, "expected an integer for " + what + ", found a list");
    checkInteger(start, 8, what);
    long v = 0;
    for (int i = 0; i < hPayloadLen; i++) v = (v << 8) | (buf[hPayloadStart + i] & 0xff);
    pos = hPayloadStart + hPayloadLen;
    return v;
  }

  /** Reads an unsigned integer that must fit in a Java int. */
  public int readInt(String what) {
    int start = pos;
    long v = readLong(what);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw error(start, what + " " + Long.toUnsignedString(v) + " does not fit in 31 bits");
    }
    return (int) v;
  }

  /** Reads an unsigned integer of at most {@code maxBytes} bytes (32 for U256). */
  public BigInteger readBigInteger(int maxBytes, String what) {
    int start = pos;
    peekHeader(what);
    if (hList) throw error(start, "expected an integer for " + what + ", found a list");
    checkInteger(start, maxBytes, what);
    BigInteger v = hPayloadLen == 0 ? BigInteger.ZERO
        : new BigInteger(1, Arrays.copyOfRange(buf, hPayloadStart, hPayloadStart + hPayloadLen));
    pos = hPayloadStart + hPayloadLen;
    return v;
  }

  /** A boolean: the empty string is false, the single byte 0x01 is true; anything else is an error. */
  public boolean readBoolean(String what) {
    int start = pos;
    long v = readLong(what);
    if (v > 1 || v < 0) throw error(start, what + " must be 0 or 1, got " + Long.toUnsignedString(v));
    return v == 1;
  }

  /** Reads a list item and returns a reader over its payload. */
  public RlpReader readList(String what) {
    int start = pos;
    peekHeader(what);
    if (!hList) throw error(start, "expected a list for " + what + ", found a string");
    pos = hPayloadStart + hPayloadLen;
    return new RlpReader(buf, origin, hPayloadStart, hPayloadStart + hPayloadLen);
  }

  /** Reads one whole item (string or list) and returns its complete encoding, header included. */
  public byte[] readRaw(String what) {
    int start = pos;
    peekHeader(what);
    pos = hPayloadStart + hPayloadLen;
    return Arrays.copyOfRange(buf, start, pos);
  }

  /** Skips one whole item, validating its header (but not the items inside a list). */
  public void skip(String what) {
    peekHeader(what);
    pos = hPayloadStart + hPayloadLen;
  }

  /** Length in bytes of the encoding of the next item, header included. */
  public int nextItemLength(String what) {
    peekHeader(what);
    return hPayloadStart + hPayloadLen - pos;
  }

  /** Builds an error at the current position, for callers that find a well-formed but wrong value. */
  public RlpException errorHere(String reason) {
    return error(pos, reason);
  }

  RlpException error(int absolutePos, String reason) {
    return new RlpException(absolutePos - origin, reason);
  }

  private void checkInteger(int start, int maxBytes, String what) {
    if (hPayloadLen > maxBytes) {
      throw error(start, what + " is " + hPayloadLen + " bytes long, more than the " + maxBytes + " allowed");
    }
    if (hPayloadLen > 0 && buf[hPayloadStart] == 0) {
      throw error(start, what + " has a leading zero byte (integers must be minimal; zero is 0x80)");
    }
  }

  private void peekHeader(String what) {
    int p = pos;
    if (p >= end) {
      throw error(p, "unexpected end of input: expected " + what);
    }
    int b = buf[p] & 0xff;
    if (b < 0x80) {
      hList = false;
      hPayloadStart = p;
      hPayloadLen = 1;
      return;
    }
    long len;
    int payloadStart;
    if (b <= 0xb7) {
      hList = false;
      len = b - 0x80;
      payloadStart = p + 1;
      if (len == 1) {
        if (payloadStart >= end) {
          throw error(p, "string header 0x81 for " + what + " but the input ends before its byte");
        }
        int single = buf[payloadStart] & 0xff;
        if (single < 0x80) {
          throw error(p, String.format(
              "non-canonical string for %s: byte 0x%02x below 0x80 must be encoded as itself, not as 0x81%02x",
              what, single, single));
        }
      }
    } else if (b <= 0xbf) {
      hList = false;
      payloadStart = p + 1 + (b - 0xb7);
      len = readLongLength(p, b - 0xb7, what);
    } else if (b <= 0xf7) {
      hList = true;
      len = b - 0xc0;
      payloadStart = p + 1;
    } else {
      hList = true;
      payloadStart = p + 1 + (b - 0xf7);
      len = readLongLength(p, b - 0xf7, what);
    }
    long avail = end - (long) payloadStart;
    if (len > avail) {
      throw error(p, String.format("%s for %s declares %d payload byte(s) but only %d remain",
          hList ? "list" : "string", what, len, Math.max(avail, 0)));
    }
    hPayloadStart = payloadStart;
    hPayloadLen = (int) len;
  }

  private long readLongLength(int p, int lenOfLen, String what) {
    if (p + 1 + lenOfLen > end) {
      throw error(p, String.format("header 0x%02x for %s needs %d length byte(s) but only %d remain",
          buf[p] & 0xff, what, lenOfLen, end - p - 1));
    }
    if (buf[p + 1] == 0) {
      throw error(p, String.format("length of %s has a leading zero byte (header 0x%s)", what,
          Hex.encode(buf, p, 1 + lenOfLen)));
    }
    long len = 0;
    for (int i = 0; i < lenOfLen; i++) {
      if ((len >>> 55) != 0) { // would overflow: certainly larger than any input
        throw error(p, "length of " + what + " overflows 63 bits");
      }
      len = (len << 8) | (buf[p + 1 + i] & 0xff);
    }
    if (len < 56) {
      throw error(p, String.format("non-canonical long-form length %d for %s: lengths below 56 use the short form",
          len, what));
    }
    return len;
  }
}
