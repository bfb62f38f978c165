package io.fpp4j.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** fpp4j's own Keccak-256 against published digests and, over many lengths and splits, BouncyCastle's. */
class Keccak256Test {
  private static String keccak(String ascii) {
    return Hex.encode(Hashing.keccak256(ascii.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] bouncyCastle(byte[] data) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  @Test
  void publishedDigests() {
    assertThat(keccak("")).isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(keccak("abc")).isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    // Solidity's selector of transfer(address,uint256) is the first four bytes of this one.
    assertThat(keccak("transfer(address,uint256)")).startsWith("a9059cbb");
    // The empty trie's root: keccak of RLP's empty string.
    assertThat(Hex.encode(Hashing.keccak256(new byte[] {(byte) 0x80})))
        .isEqualTo("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  }

  @Test
  void everyLengthAroundTheBlockBoundariesMatchesBouncyCastle() {
    Random random = new Random(14);
    for (int len = 0; len <= 3 * 136 + 2; len++) {
      byte[] data = new byte[len];
      random.nextBytes(data);
      assertThat(Hashing.keccak256(data)).as("length %d", len).isEqualTo(bouncyCastle(data));
    }
  }

  @Test
  void splitInputsAndOffsetsHashLikeTheWhole() {
    Random random = new Random(41);
    for (int trial = 0; trial < 200; trial++) {
      byte[] data = new byte[random.nextInt(700)];
      random.nextBytes(data);
      int a = random.nextInt(data.length + 1);
      int b = a + random.nextInt(data.length - a + 1);
      byte[] first = java.util.Arrays.copyOfRange(data, 0, a);
      byte[] middle = java.util.Arrays.copyOfRange(data, a, b);
      byte[] last = java.util.Arrays.copyOfRange(data, b, data.length);
      byte[] expected = bouncyCastle(data);
      assertThat(Hashing.keccak256(first, middle, last)).as("split %d/%d of %d", a, b, data.length).isEqualTo(expected);
      byte[] padded = new byte[data.length + 7];
      System.arraycopy(data, 0, padded, 3, data.length);
      assertThat(Hashing.keccak256(padded, 3, data.length)).isEqualTo(expected);
    }
  }

  @Test
  void aBadRangeIsRefusedAndLeavesTheNextHashIntact() {
    byte[] data = new byte[10];
    assertThatThrownBy(() -> Hashing.keccak256(data, 4, 7)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Hashing.keccak256(new byte[200], new byte[300], null)).isInstanceOf(NullPointerException.class);
    assertThat(keccak("")).isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }
}
