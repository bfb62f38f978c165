package io.fpp4j.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashingTest {
  @Test
  void keccakOfEmptyAndHelloWorld() {
    assertThat(Hex.encode(Hashing.keccak256(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Hex.encode(Hashing.keccak256("hello world".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
  }

  @Test
  void keccakOfPartsEqualsKeccakOfConcatenation() {
    byte[] a = "hello ".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "world".getBytes(StandardCharsets.US_ASCII);
    assertThat(Hashing.keccak256(a, b)).isEqualTo(Hashing.keccak256("hello world".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void sha256OfHelloWorld() {
    assertThat(Hex.encode(Hashing.sha256("hello world".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
  }

  @Test
  void hexRoundTripAndStrictness() {
    assertThat(Hex.decode("0xDEADbeef")).containsExactly(0xde, 0xad, 0xbe, 0xef);
    assertThat(Hex.decode("")).isEmpty();
    assertThat(Hex.prefixed(new byte[] {0, (byte) 0xff})).isEqualTo("0x00ff");
    assertThatThrownBy(() -> Hex.decode("0xabc")).hasMessageContaining("odd number of digits");
    assertThatThrownBy(() -> Hex.decode("0xzz")).hasMessageContaining("invalid hex character 'z' at position 2");
    assertThatThrownBy(() -> Hex.decodePrefixed("abcd")).hasMessageContaining("must start with 0x");
    assertThatThrownBy(() -> Hex.decode("0x00", 32, "block hash")).hasMessageContaining("block hash must be 32 bytes, got 1");
  }
}
