package io.fpp4j.primitives.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RLP round trips over seeded random cases: each case number is the seed of its own generator, so a
 * failure names the seed that reproduces it. Arbitrary bytes are left to {@link RlpFuzzTest}.
 */
class RlpPropertiesTest {
  static LongStream cases200() {
    return LongStream.range(0, 200);
  }

  static LongStream cases500() {
    return LongStream.range(0, 500);
  }

  static LongStream cases1000() {
    return LongStream.range(0, 1000);
  }

  static byte[] bytes(Random r, int min, int max) {
    byte[] b = new byte[min + r.nextInt(max - min + 1)];
    r.nextBytes(b);
    return b;
  }

  /** Strings of the three length classes (single byte, short, long form) and lists nested up to 4 deep. */
  static RlpItem item(Random r, int depth) {
    if (depth == 0 || r.nextInt(5) < 3) {
      byte[] b = switch (r.nextInt(3)) {
        case 0 -> bytes(r, 0, 3);
        case 1 -> bytes(r, 0, 80);
        default -> bytes(r, 250, 300);
      };
      return new RlpItem.Str(Bytes.of(b));
    }
    List<RlpItem> items = new ArrayList<>();
    for (int i = r.nextInt(7); i > 0; i--) items.add(item(r, depth - 1));
    return new RlpItem.Lst(items);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases500")
  void encodeThenDecodeGivesTheSameItem(long seed) {
    RlpItem item = item(new Random(seed), 4);
    byte[] enc = item.encode();
    RlpItem back = RlpItem.decode(enc);
    assertThat(back).isEqualTo(item);
    assertThat(back.encode()).isEqualTo(enc);
  }

  /**
   * Canonical form is unique: whatever corrupted input the decoder accepts re-encodes to exactly those
   * bytes, and whatever it refuses is refused with an RlpException (never another exception).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases1000")
  void corruptedEncodingsAreRejectedOrCanonical(long seed) {
    Random r = new Random(seed);
    byte[] enc = item(r, 4).encode();
    int at = r.nextInt(enc.length);
    byte with = (byte) r.nextInt(256);
    byte[] bad;
    switch (r.nextInt(4)) {
      case 0 -> { bad = enc.clone(); bad[at] = with; }
      case 1 -> bad = Arrays.copyOf(enc, at);
      case 2 -> { bad = Arrays.copyOf(enc, enc.length + 1); bad[enc.length] = with; }
      default -> { bad = enc.clone(); bad[at] ^= 0x01; }
    }
    RlpFuzzTest.decodeIsStrict(bad);
  }

  /** Zero, one, the sign boundary and the all-ones word come first; then random longs. */
  static long edgeOrRandomLong(long seed) {
    long[] edges = {0, 1, 127, 128, 255, 256, Long.MAX_VALUE, Long.MIN_VALUE, -1};
    return seed < edges.length ? edges[(int) seed] : new Random(seed).nextLong();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases1000")
  void unsignedLongsRoundTrip(long seed) {
    long v = edgeOrRandomLong(seed);
    byte[] enc = new RlpWriter().writeLong(v).toByteArray();
    assertThat(RlpReader.of(enc).readLong("v")).isEqualTo(v);
    BigInteger asBig = new BigInteger(Long.toUnsignedString(v));
    assertThat(new RlpWriter().writeBigInteger(asBig).toByteArray()).isEqualTo(enc);
  }

  static final BigInteger TWO_256 = BigInteger.TWO.pow(256);

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases500")
  void u256RoundTrips(long seed) {
    BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO.pow(255), TWO_256.subtract(BigInteger.ONE)};
    Random r = new Random(seed);
    // Random widths, so that short values (with their own encodings) are as common as full words.
    BigInteger v = seed < edges.length ? edges[(int) seed] : new BigInteger(r.nextInt(257), r);
    byte[] enc = new RlpWriter().writeBigInteger(v).toByteArray();
    assertThat(RlpReader.of(enc).readBigInteger(32, "v")).isEqualTo(v);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases200")
  void nestedListsOfIntegersRoundTrip(long seed) {
    Random r = new Random(seed);
    List<Integer> ints = new ArrayList<>();
    for (int n = r.nextInt(40); n > 0; n--) ints.add(r.nextBoolean() ? r.nextInt(300) : r.nextInt(Integer.MAX_VALUE));
    RlpWriter w = new RlpWriter().startList();
    for (int i : ints) w.writeLong(i);
    byte[] enc = w.endList().toByteArray();
    RlpReader l = RlpReader.of(enc).readList("l");
    for (int i : ints) assertThat(l.readLong("i")).isEqualTo(i);
    l.finish("l");
  }
}
