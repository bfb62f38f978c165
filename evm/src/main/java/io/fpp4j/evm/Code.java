package io.fpp4j.evm;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;

/**
 * Contract code with its hash and its JUMPDEST analysis, both computed once and cached: an account
 * keeps its {@code Code}, so every call into it reuses the analysis.
 */
public final class Code {
  public static final Code EMPTY = new Code(new byte[0], Hashes.EMPTY_CODE_HASH);

  /** Bytes after the code that read as STOP: enough for a PUSH32 at the very end and the opcode after it. */
  static final int PADDING = 33;

  private final byte[] bytes;
  private byte[] padded;
  private Bytes32 hash;
  private long[] jumpdests;

  private Code(byte[] bytes, Bytes32 hash) {
    this.bytes = bytes;
    this.hash = hash;
  }

  /** Takes ownership of {@code bytes}. */
  public static Code of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Code(bytes, null);
  }

  /** The code bytes; callers must not modify them. */
  public byte[] bytes() {
    return bytes;
  }

  /**
   * The code followed by {@link #PADDING} zero bytes, for the interpreter: running off the end reads STOP and a
   * truncated PUSH reads zeros, without a bounds check per opcode.
   */
  byte[] padded() {
    byte[] p = padded;
    if (p == null) padded = p = java.util.Arrays.copyOf(bytes, bytes.length + PADDING);
    return p;
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public Bytes32 hash() {
    Bytes32 h = hash;
    if (h == null) hash = h = Bytes32.wrap(Hashing.keccak256(bytes));
    return h;
  }

  /** True if {@code pos} holds a JUMPDEST that is an instruction, not PUSH data. */
  public boolean isJumpdest(long pos) {
    if (pos < 0 || pos >= bytes.length) return false;
    long[] jd = jumpdests;
    if (jd == null) jumpdests = jd = analyse(bytes);
    int p = (int) pos;
    return (jd[p >>> 6] & (1L << p)) != 0;
  }

  private static long[] analyse(byte[] code) {
    long[] jd = new long[(code.length + 63) >>> 6];
    for (int i = 0; i < code.length; i++) {
      int op = code[i] & 0xff;
      if (op == 0x5b) jd[i >>> 6] |= 1L << i;
      else if (op >= 0x60 && op <= 0x7f) i += op - 0x5f;
    }
    return jd;
  }
}
