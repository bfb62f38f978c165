package io.fpp4j.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** {@link Keccak} against BouncyCastle's KeccakDigest (the reference it replaced) and published vectors. */
class KeccakTest {
  @Test
  void publishedVectors() {
    assertThat(Hex.encode(Hashing.keccak256(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Hex.encode(Hashing.keccak256("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    // The empty trie's root: keccak of RLP's empty string, 0x80.
    assertThat(Hex.encode(Hashing.keccak256(new byte[] {(byte) 0x80})))
        .isEqualTo("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    // keccak256 of the empty list, 0xc0: the uncle hash of every post-merge header.
    assertThat(Hex.encode(Hashing.keccak256(new byte[] {(byte) 0xc0})))
        .isEqualTo("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
  }

  @Test
  void sameAsBouncyCastleAtEveryLengthAroundTheBlockBoundaries() {
    SplittableRandom random = new SplittableRandom(4);
    for (int len = 0; len <= 4 * Keccak.RATE + 3; len++) {
      byte[] data = bytes(random, len);
      assertThat(Hashing.keccak256(data)).as("length %d", len).isEqualTo(reference(data));
    }
    for (int len : new int[] {1 << 12, 131_072, 131_073, 1_000_003}) {
      byte[] data = bytes(random, len);
      assertThat(Hashing.keccak256(data)).as("length %d", len).isEqualTo(reference(data));
    }
  }

  @Test
  void partsAndOffsetsHashTheBytesTheyName() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      byte[] whole = bytes(random, random.nextInt(700));
      int a = random.nextInt(whole.length + 1);
      int b = a + random.nextInt(whole.length - a + 1);
      byte[] p1 = java.util.Arrays.copyOfRange(whole, 0, a);
      byte[] p2 = java.util.Arrays.copyOfRange(whole, a, b);
      byte[] p3 = java.util.Arrays.copyOfRange(whole, b, whole.length);
      assertThat(Hashing.keccak256(p1, p2, p3)).isEqualTo(reference(whole));
      byte[] padded = new byte[whole.length + 9];
      System.arraycopy(whole, 0, padded, 5, whole.length);
      assertThat(Hashing.keccak256(padded, 5, whole.length)).isEqualTo(reference(whole));
    }
  }

  @Test
  void aFailedCallLeavesNothingBehindForTheNextHash() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Hashing.keccak256(new byte[300], null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Hashing.keccak256(new byte[10], 8, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(Hashing.keccak256(abc)).isEqualTo(reference(abc));
  }

  private static byte[] bytes(SplittableRandom random, int len) {
    byte[] b = new byte[len];
    random.nextBytes(b);
    return b;
  }

  private static byte[] reference(byte[] data) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
