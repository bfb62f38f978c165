package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/** Byte-level helpers shared by the hint records: concatenation, big-endian u64, length checks. */
final class HintBytes {
  static final int ADDRESS = 20;

  private HintBytes() {}

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }

  static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static byte[] optionalU64(OptionalLong v) {
    return v.isPresent() ? u64(v.getAsLong()) : new byte[0];
  }

  static long u64(byte[] b, int off) {
    return ByteBuffer.wrap(b, off, 8).getLong();
  }

  static Bytes32 bytes32(byte[] b, int off) {
    byte[] out = new byte[32];
    System.arraycopy(b, off, out, 0, 32);
    return Bytes32.wrap(out);
  }

  static byte[] slice(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  static Address address(byte[] b, int off) {
    return Address.wrap(slice(b, off, off + ADDRESS));
  }

  static String chainSuffix(OptionalLong chainId) {
    return chainId.isPresent() ? ", chain " + Long.toUnsignedString(chainId.getAsLong()) : "";
  }

  static String hex(byte[] b) {
    return Hex.prefixed(b);
  }

  static HintParseException wrongLength(HintType type, String expected, byte[] data) {
    String shown = data.length <= 80 ? Hex.prefixed(data) : Hex.prefixed(slice(data, 0, 80)) + "...";
    return new HintParseException(
        type.wireName() + " hint data must be " + expected + ", got " + data.length + " bytes: " + shown);
  }
}
