package io.fpp4j.primitives.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RlpPropertiesTest {

  @Provide
  Arbitrary<RlpItem> items() {
    return item(4);
  }

  private Arbitrary<RlpItem> item(int depth) {
    Arbitrary<RlpItem> str = Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(3),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(80),
            Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(300))
        .map(b -> new RlpItem.Str(Bytes.of(b)));
    if (depth == 0) return str;
    Arbitrary<RlpItem> list = Arbitraries.lazy(() -> item(depth - 1)).list().ofMaxSize(6).map(RlpItem.Lst::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, str), net.jqwik.api.Tuple.of(2, list));
  }

  @Property(tries = 500)
  void encodeThenDecodeGivesTheSameItem(@ForAll("items") RlpItem item) {
    byte[] enc = item.encode();
    RlpItem back = RlpItem.decode(enc);
    assertThat(back).isEqualTo(item);
    assertThat(back.encode()).isEqualTo(enc);
  }

  /**
   * Canonical form is unique: whatever corrupted input the decoder accepts re-encodes to exactly those
   * bytes, and whatever it refuses is refused with an RlpException (never another exception).
   */
  @Property(tries = 1000)
  void corruptedEncodingsAreRejectedOrCanonical(
      @ForAll("items") RlpItem item, @ForAll @IntRange(min = 0, max = 3) int kind,
      @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte with) {
    byte[] enc = item.encode();
    byte[] bad;
    int at = where % enc.length;
    switch (kind) {
      case 0 -> { bad = enc.clone(); bad[at] = with; }
      case 1 -> bad = Arrays.copyOf(enc, at);
      case 2 -> { bad = Arrays.copyOf(enc, enc.length + 1); bad[enc.length] = with; }
      default -> { bad = enc.clone(); bad[at] ^= 0x01; }
    }
    RlpItem decoded;
    try {
      decoded = RlpItem.decode(bad);
    } catch (RlpException e) {
      assertThat(e.offset()).isBetween(0, bad.length);
      return;
    }
    assertThat(decoded.encode()).isEqualTo(bad);
  }

  @Property(tries = 1000)
  void unsignedLongsRoundTrip(@ForAll long v) {
    byte[] enc = new RlpWriter().writeLong(v).toByteArray();
    assertThat(RlpReader.of(enc).readLong("v")).isEqualTo(v);
    BigInteger asBig = new BigInteger(Long.toUnsignedString(v));
    assertThat(new RlpWriter().writeBigInteger(asBig).toByteArray()).isEqualTo(enc);
  }

  @Property(tries = 500)
  void u256RoundTrips(@ForAll("u256") BigInteger v) {
    byte[] enc = new RlpWriter().writeBigInteger(v).toByteArray();
    assertThat(RlpReader.of(enc).readBigInteger(32, "v")).isEqualTo(v);
  }

  @Provide
  Arbitrary<BigInteger> u256() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
        .edgeCases(c -> c.add(BigInteger.TWO.pow(255)));
  }

  @Property(tries = 200)
  void nestedListsOfIntegersRoundTrip(@ForAll List<@IntRange(min = 0) Integer> ints) {
    RlpWriter w = new RlpWriter().startList();
    for (int i : ints) w.writeLong(i);
    byte[] enc = w.endList().toByteArray();
    RlpReader l = RlpReader.of(enc).readList("l");
    for (int i : ints) assertThat(l.readLong("i")).isEqualTo(i);
    l.finish("l");
  }
}
