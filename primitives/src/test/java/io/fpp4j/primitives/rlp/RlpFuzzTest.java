package io.fpp4j.primitives.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Strict RLP decoding of arbitrary bytes. Plain test runs replay the inputs under
 * {@code src/test/resources/io/fpp4j/primitives/rlp/RlpFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * (see bench/fuzz.sh) Jazzer fuzzes from there and writes any finding into that directory.
 */
class RlpFuzzTest {
  /**
   * The decoder accepts only canonical RLP, so anything it accepts re-encodes to the same bytes, and
   * anything it refuses is refused with an RlpException whose offset lies inside the input.
   */
  static void decodeIsStrict(byte[] data) {
    RlpItem item;
    try {
      item = RlpItem.decode(data);
    } catch (RlpException e) {
      assertThat(e.offset()).isBetween(0, data.length);
      assertThat(e.getMessage()).startsWith("RLP error at byte offset " + e.offset() + ": ");
      return;
    }
    assertThat(item.encode()).isEqualTo(data);
  }

  @FuzzTest(maxDuration = "10m")
  void strictDecode(byte[] data) {
    decodeIsStrict(data);
  }
}
