package io.fpp4j.host.online;

import io.fpp4j.host.serve.Hint;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Length checks and field reads on a hint's data; a bad length is an {@link InvalidHintException}. */
final class HintData {
  private HintData() {}

  /** Fails unless the data is one of {@code lengths} bytes long. */
  static void requireLength(Hint hint, int... lengths) {
    int n = hint.data().length;
    for (int l : lengths) if (n == l) return;
    String expected = lengths.length == 1 ? String.valueOf(lengths[0])
        : Arrays.stream(lengths).mapToObj(String::valueOf).collect(Collectors.joining(" or "));
    throw new InvalidHintException("hint " + hint + " has " + n + " bytes of data; a " + hint.type() + " hint has " + expected);
  }

  static void requireAtLeast(Hint hint, int min, String layout) {
    if (hint.data().length < min) {
      throw new InvalidHintException("hint " + hint + " has " + hint.data().length + " bytes of data; a " + hint.type()
          + " hint has at least " + min + " (" + layout + ")");
    }
  }

  static Bytes32 bytes32(Hint hint, int off) {
    return Bytes32.wrap(hint.data(), off);
  }

  static long u64(Hint hint, int off) {
    return ByteBuffer.wrap(hint.data(), off, 8).getLong();
  }

  static Address address(Hint hint, int off) {
    return Address.wrap(Arrays.copyOfRange(hint.data(), off, off + 20));
  }
}
