package io.fpp4j.precompiles.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashPrecompilesTest {
  private final Sha256Precompile sha256 = new Sha256Precompile();
  private final Ripemd160Precompile ripemd160 = new Ripemd160Precompile();
  private final IdentityPrecompile identity = new IdentityPrecompile();

  @Test
  void sha256MatchesTheFips180Examples() {
    assertThat(Hex.encode(sha256.run(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Hex.encode(sha256.run(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void sha256AgreesWithTheJdkDigestOnRandomInput() {
    Random random = new Random(2);
    for (int length : new int[] {1, 31, 32, 33, 55, 56, 64, 1000}) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      assertThat(sha256.run(input)).as("length %d", length).isEqualTo(Hashing.sha256(input));
    }
  }

  @Test
  void ripemd160IsTheDigestLeftPaddedToAWord() {
    assertThat(Hex.encode(ripemd160.run(new byte[0])))
        .isEqualTo("000000000000000000000000" + "9c1185a5c5e9fc54612808977ee8f548b2258d31");
    assertThat(Hex.encode(ripemd160.run(ascii("abc"))))
        .isEqualTo("000000000000000000000000" + "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  }

  @Test
  void identityReturnsACopyOfItsInput() {
    byte[] input = {1, 2, 3};
    byte[] out = identity.run(input);
    assertThat(out).containsExactly(1, 2, 3).isNotSameAs(input);
    assertThat(identity.run(new byte[0])).isEmpty();
  }

  /** Base plus per-word price for whole 32-byte words, rounded up: 0, 1, 32, 33 and 64 bytes. */
  @ParameterizedTest(name = "{0} bytes: sha256 {1}, ripemd160 {2}, identity {3}")
  @CsvSource({
    "0, 60, 600, 15",
    "1, 72, 720, 18",
    "32, 72, 720, 18",
    "33, 84, 840, 21",
    "64, 84, 840, 21",
    "1000, 444, 4440, 111",
  })
  void gasIsBasePlusPerWordRoundedUp(int length, long sha, long ripemd, long id) {
    byte[] input = new byte[length];
    assertThat(sha256.gas(input)).isEqualTo(sha);
    assertThat(ripemd160.gas(input)).isEqualTo(ripemd);
    assertThat(identity.gas(input)).isEqualTo(id);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
