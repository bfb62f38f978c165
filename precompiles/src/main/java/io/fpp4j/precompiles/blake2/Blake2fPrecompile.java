package io.fpp4j.precompiles.blake2;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 0x09: BLAKE2b's compression function F (EIP-152, Istanbul). Input is exactly 213 bytes: rounds (4 bytes,
 * big-endian), state h (8 little-endian 64-bit words), message m (16 words), offset counter t (2 words) and the
 * final-block flag (1 byte, 0 or 1). Output is the new state, 64 bytes little-endian. Gas is one per round.
 */
public final class Blake2fPrecompile implements Precompile {
  static final int INPUT_LENGTH = 213;
  private static final int STATE_WORDS = 8;
  private static final int MESSAGE_WORDS = 16;

  @Override
  public String name() {
    return "BLAKE2 F";
  }

  /**
   * The round count, or 0 for input of the wrong length: such a call fails and so consumes all its gas whatever
   * this says (geth prices it 0 too).
   */
  @Override
  public long gas(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return 0;
    }
    return rounds(input);
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length != INPUT_LENGTH) {
      throw new PrecompileFailure("BLAKE2 F input must be exactly " + INPUT_LENGTH + " bytes, got " + input.length);
    }
    byte flag = input[INPUT_LENGTH - 1];
    if (flag != 0 && flag != 1) {
      throw new PrecompileFailure("BLAKE2 F final-block flag must be 0 or 1, got " + (flag & 0xff));
    }
    ByteBuffer in = ByteBuffer.wrap(input, 4, INPUT_LENGTH - 4).order(ByteOrder.LITTLE_ENDIAN);
    long[] h = new long[STATE_WORDS];
    for (int i = 0; i < STATE_WORDS; i++) {
      h[i] = in.getLong();
    }
    long[] m = new long[MESSAGE_WORDS];
    for (int i = 0; i < MESSAGE_WORDS; i++) {
      m[i] = in.getLong();
    }
    long t0 = in.getLong();
    long t1 = in.getLong();
    Blake2bCompression.compress(rounds(input), h, m, t0, t1, flag == 1);
    ByteBuffer out = ByteBuffer.allocate(STATE_WORDS * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (long word : h) {
      out.putLong(word);
    }
    return out.array();
  }

  /** The first four bytes as an unsigned big-endian 32-bit number. */
  private static long rounds(byte[] input) {
    return ByteBuffer.wrap(input, 0, 4).getInt() & 0xffffffffL;
  }
}
