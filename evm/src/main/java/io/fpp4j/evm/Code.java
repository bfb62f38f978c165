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

  /** Code whose keccak256 the caller has already checked to be {@code hash}; {@link #hash()} returns it unhashed. */
  public static Code withKnownHash(byte[] bytes, Bytes32 hash) {
    return bytes.length == 0 ? EMPTY : new Code(bytes, java.util.Objects.requireNonNull(hash, "hash"));
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

  /** EIP-7702's delegation designator is {@code 0xef0100 ‖ address}: 23 bytes. */
  public static final int DELEGATION_SIZE = 23;

  /** The delegation designator that points an account at {@code target}'s code (EIP-7702). */
  public static Code delegationTo(io.fpp4j.primitives.Address target) {
    byte[] b = new byte[DELEGATION_SIZE];
    b[0] = (byte) 0xef;
    b[1] = 0x01;
    b[2] = 0x00;
    System.arraycopy(target.toArray(), 0, b, 3, 20);
    return new Code(b, null);
  }

  /**
   * The address this code delegates to if it is an EIP-7702 designator, else {@code null}. Only Prague and
   * later read it: before Prague such code cannot be deployed (EIP-3541 rejects 0xEF) and means nothing.
   */
  public io.fpp4j.primitives.Address delegate() {
    byte[] b = bytes;
    if (b.length != DELEGATION_SIZE || b[0] != (byte) 0xef || b[1] != 0x01 || b[2] != 0x00) return null;
    return io.fpp4j.primitives.Address.wrap(java.util.Arrays.copyOfRange(b, 3, DELEGATION_SIZE));
  }

  /** True if {@code pos} holds a JUMPDEST that is an instruction, not PUSH data. */
  public boolean isJumpdest(long pos) {
    if (pos < 0 || pos >= bytes.length) return false;
    int p = (int) pos;
    return (jumpdests()[p >>> 6] & (1L << p)) != 0;
  }

  /**
   * The JUMPDEST bitset (bit {@code p % 64} of word {@code p / 64} set for a valid destination {@code p}),
   * analysed on first use; callers must not modify it. The interpreter keeps it in a local for its jumps.
   */
  long[] jumpdests() {
    long[] jd = jumpdests;
    if (jd == null) jumpdests = jd = analyse(bytes);
    return jd;
  }

  private static long[] analyse(byte[] code) {
    long[] jd = new long[(code.length + 63) >>> 6];
    int i = 0;
    while (i < code.length) {
      // The byte as signed: PUSH1..PUSH32 (0x60..0x7f) are the only opcodes from 0x60 up that stay positive, so
      // one comparison finds them (about a tenth faster than masking and testing both ends, on this loop that
      // every call into a contract runs once over its whole code).
      int op = code[i];
      if (op == 0x5b) {
        jd[i >>> 6] |= 1L << i;
        i++;
      } else if (op >= 0x60) {
        i += op - 0x5e; // the opcode and its op - 0x5f data bytes
      } else {
        i++;
      }
    }
    return jd;
  }
}
