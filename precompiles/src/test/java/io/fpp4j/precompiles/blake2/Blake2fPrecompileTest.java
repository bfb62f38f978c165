package io.fpp4j.precompiles.blake2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.Vector;
import io.fpp4j.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Blake2fPrecompileTest {
  private final Blake2fPrecompile blake2f = new Blake2fPrecompile();

  static List<Vector> eip152() {
    return Vector.load("blake2f.tsv");
  }

  /** EIP-152's vectors 4 to 8: 0, 12 (final and not), 1 and 8,000,000 rounds. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("eip152")
  void eip152VectorsGiveTheirStateAndCostOneGasPerRound(Vector v) throws PrecompileFailure {
    assertThat(blake2f.gas(v.input())).isEqualTo(v.gas());
    assertThat(blake2f.run(v.input())).isEqualTo(v.expected());
  }

  @Test
  void twelveRoundsOnTheOnlyBlockOfAbcIsBlake2b512OfAbc() throws PrecompileFailure {
    // EIP-152 vector 5 is the single final block of BLAKE2b-512("abc"); check it against BouncyCastle's hash.
    byte[] vector5 = eip152().get(1).input();
    Blake2bDigest digest = new Blake2bDigest(512);
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    digest.update(abc, 0, abc.length);
    byte[] hash = new byte[64];
    digest.doFinal(hash, 0);
    assertThat(blake2f.run(vector5)).isEqualTo(hash);
  }

  @Test
  void roundsAreAnUnsigned32BitBigEndianNumber() {
    byte[] input = eip152().get(0).input().clone();
    Arrays.fill(input, 0, 4, (byte) 0xff);
    assertThat(blake2f.gas(input)).isEqualTo(4_294_967_295L);
    input[0] = 0x01;
    input[1] = 0x02;
    input[2] = 0x03;
    input[3] = 0x04;
    assertThat(blake2f.gas(input)).isEqualTo(0x01020304L);
  }

  @Test
  void inputOfAnyLengthBut213Fails() {
    byte[] valid = eip152().get(1).input();
    for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(valid, 212), Arrays.copyOf(valid, 214)}) {
      assertThat(blake2f.gas(bad)).as("gas of %d bytes", bad.length).isZero();
      assertThatThrownBy(() -> blake2f.run(bad))
          .isInstanceOf(PrecompileFailure.class).hasMessageContaining("213 bytes, got " + bad.length);
    }
  }

  @Test
  void finalFlagOtherThanZeroOrOneFails() {
    byte[] input = eip152().get(1).input().clone();
    for (int flag : new int[] {2, 0x80, 0xff}) {
      input[212] = (byte) flag;
      assertThat(blake2f.gas(input)).isEqualTo(12);
      assertThatThrownBy(() -> blake2f.run(input))
          .isInstanceOf(PrecompileFailure.class).hasMessageContaining("final-block flag");
    }
  }

  @Test
  void theFinalFlagChangesTheResult() throws PrecompileFailure {
    // Vectors 5 and 6 differ only in the flag; check the pair directly too.
    byte[] last = eip152().get(1).input();
    byte[] notLast = eip152().get(2).input();
    assertThat(Arrays.copyOf(last, 212)).isEqualTo(Arrays.copyOf(notLast, 212));
    assertThat(Hex.encode(blake2f.run(last))).isNotEqualTo(Hex.encode(blake2f.run(notLast)));
  }
}
