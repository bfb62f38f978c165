package io.fpp4j.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Uint64Test {
  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Test
  void multiplyHighIsTheHighWordOfTheUnsignedProduct() {
    long[] edges = {0, 1, 2, -1, -2, Long.MAX_VALUE, Long.MIN_VALUE, 0xffffffffL, 0x100000000L};
    Random rnd = new Random(64);
    long[] values = new long[edges.length + 2000];
    System.arraycopy(edges, 0, values, 0, edges.length);
    for (int i = edges.length; i < values.length; i++) values[i] = rnd.nextLong();
    for (int i = 0; i < values.length; i++) {
      long x = values[i], y = values[(i * 7 + 3) % values.length];
      assertThat(Uint64.multiplyHigh(x, y)).as("%x * %x", x, y)
          .isEqualTo(unsigned(x).multiply(unsigned(y)).shiftRight(64).longValue());
    }
    for (long x : edges) {
      for (long y : edges) {
        assertThat(Uint64.multiplyHigh(x, y)).as("%x * %x", x, y)
            .isEqualTo(unsigned(x).multiply(unsigned(y)).shiftRight(64).longValue());
      }
    }
  }
}
