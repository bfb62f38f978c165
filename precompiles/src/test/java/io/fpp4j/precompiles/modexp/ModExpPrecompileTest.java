package io.fpp4j.precompiles.modexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.Vector;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModExpPrecompileTest {
  private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private final ModExpPrecompile modexp = new ModExpPrecompile();

  static List<Vector> eip2565() {
    return Vector.load("modexp-eip2565.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eip2565")
  void publishedVectorsGiveTheirResultAndBerlinGas(Vector v) throws PrecompileFailure {
    assertThat(modexp.gas(v.input())).isEqualTo(v.gas());
    assertThat(modexp.run(v.input())).isEqualTo(v.expected());
  }

  @Test
  void eip198FirstExampleCostsAsComputedByHand() throws PrecompileFailure {
    // 3^(p-1) mod p for secp256k1's p: base 1 byte, exponent and modulus 32 bytes. Complexity ceil(32/8)^2 = 16;
    // the exponent's top bit is bit 255, so 255 iterations; 16 * 255 / 3 = 1360.
    byte[] input = input(1, 32, 32, "03",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertThat(modexp.gas(input)).isEqualTo(1360);
    assertThat(Hex.encode(modexp.run(input))).isEqualTo("00".repeat(31) + "01");
  }

  @Test
  void gasNeverFallsBelow200() {
    // 2^2 mod 5 with 1-byte numbers: complexity 1, iterations 1, 1 / 3 = 0, so the floor of 200 applies.
    assertThat(modexp.gas(input(1, 1, 1, "02", "02", "05"))).isEqualTo(200);
    assertThat(modexp.gas(new byte[0])).isEqualTo(200);
  }

  @Test
  void emptyExponentCountsOneIteration() {
    // 256-byte base and modulus: ceil(256/8)^2 = 1024; no exponent still counts 1 iteration; 1024 / 3 = 341.
    assertThat(modexp.gas(header(256, 0, 256))).isEqualTo(341);
  }

  @Test
  void longExponentWithZeroHeadCountsEightPerExtraByteAndNoMore() {
    // 33-byte exponent, all zero: 8 * (33 - 32) + 0 = 8 iterations (geth and revm; not 7), 1024 * 8 / 3 = 2730.
    assertThat(modexp.gas(header(256, 33, 256))).isEqualTo(2730);
    // Its head 0x01 followed by a zero byte: top bit of the 32-byte head 0x01 00..00 is 248; 8 + 248 = 256.
    byte[] withHead = concat(header(256, 33, 256), new byte[256], Hex.decode("01"));
    assertThat(modexp.gas(withHead)).isEqualTo(1024L * 256 / 3);
  }

  @Test
  void shortExponentIsReadAsItsOwnLengthNotAsAWord() {
    // exponent 0x010001 in 3 bytes: top bit 16, 16 iterations; 64-byte modulus gives 64 * 16 / 3 = 341.
    byte[] input = concat(header(64, 3, 64), new byte[64], Hex.decode("010001"));
    assertThat(modexp.gas(input)).isEqualTo(341);
  }

  @Test
  void largeButRepresentableGasIsExact() {
    // modulus of 2^32 bytes: 2^29 words, complexity 2^58, 1 iteration: floor(2^58 / 3).
    assertThat(modexp.gas(header(0, 0, 1L << 32))).isEqualTo((1L << 58) / 3);
  }

  @Test
  void hugeDeclaredLengthsSaturateGas() {
    assertThat(modexp.gas(header(U256_MAX, U256_MAX, U256_MAX))).isEqualTo(Long.MAX_VALUE);
    assertThat(modexp.gas(header(BigInteger.ONE, U256_MAX, BigInteger.ONE))).isEqualTo(Long.MAX_VALUE);
    // Just past a long: a modulus of 2^34 bytes has complexity 2^62; exponent 0xff counts 7 iterations, and
    // 2^62 * 7 / 3 is about 1.08e19 > 2^63 - 1. With a 2^33-byte modulus it is 2^60 * 7 / 3, which still fits.
    assertThat(modexp.gas(concat(header(0, 1, 1L << 34), Hex.decode("ff")))).isEqualTo(Long.MAX_VALUE);
    long floorOf2To60Times7Over3 = 2690150177415976277L;
    assertThat(modexp.gas(concat(header(0, 1, 1L << 33), Hex.decode("ff")))).isEqualTo(floorOf2To60Times7Over3);
  }

  @Test
  void hugeDeclaredLengthsNeitherAllocateNorHang() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      // No base and no modulus: 200 gas however long the exponent claims to be, and empty output.
      byte[] noModulus = header(BigInteger.ZERO, U256_MAX, BigInteger.ZERO);
      assertThat(modexp.gas(noModulus)).isEqualTo(200);
      assertThat(modexp.run(noModulus)).isEmpty();
      // A modulus that starts past the input is zero, so the output is modulus-length zeros.
      byte[] farModulus = concat(header(BigInteger.ONE, U256_MAX, BigInteger.valueOf(4)), Hex.decode("07"));
      assertThat(modexp.run(farModulus)).containsExactly(0, 0, 0, 0);
      // A modulus nobody could pay for is refused rather than allocated.
      assertThatThrownBy(() -> modexp.run(header(U256_MAX, U256_MAX, U256_MAX)))
          .isInstanceOf(PrecompileFailure.class).hasMessageContaining("modulus length");
      assertThatThrownBy(() -> modexp.run(header(0, 0, ModExpPrecompile.MAX_MODULUS_LENGTH + 1L)))
          .isInstanceOf(PrecompileFailure.class);
    });
  }

  @Test
  void inputShorterThanDeclaredIsRightPaddedWithZeros() throws PrecompileFailure {
    // Modulus declared 2 bytes, only its first byte 0x01 given: the modulus is 0x0100 = 256. 3^2 mod 256 = 9.
    assertThat(Hex.encode(modexp.run(input(1, 1, 2, "03", "02", "01")))).isEqualTo("0009");
    // The header itself may be cut short: a lone byte 0x01 is the top byte of the base length, 2^248, and the
    // other lengths are zero. Unpayable, and an empty result (no modulus) if run anyway.
    assertThat(modexp.gas(Hex.decode("01"))).isEqualTo(Long.MAX_VALUE);
    assertThat(modexp.run(Hex.decode("01"))).isEmpty();
  }

  @Test
  void zeroModulusGivesZerosOfModulusLength() throws PrecompileFailure {
    assertThat(modexp.run(input(1, 1, 3, "05", "03", "000000"))).containsExactly(0, 0, 0);
  }

  @Test
  void zeroToTheZeroIsOne() throws PrecompileFailure {
    assertThat(Hex.encode(modexp.run(input(1, 1, 2, "00", "00", "0007")))).isEqualTo("0001");
    assertThat(Hex.encode(modexp.run(input(0, 0, 1, "", "", "01")))).isEqualTo("00");
  }

  @Test
  void outputIsLeftPaddedToTheModulusLength() throws PrecompileFailure {
    // 2^3 mod 0x0100000000 = 8, in 5 bytes.
    assertThat(Hex.encode(modexp.run(input(1, 1, 5, "02", "03", "0100000000")))).isEqualTo("0000000008");
  }

  @Test
  void bytesAfterTheModulusAreIgnored() throws PrecompileFailure {
    byte[] input = concat(input(1, 1, 1, "02", "03", "05"), Hex.decode("ffff"));
    assertThat(Hex.encode(modexp.run(input))).isEqualTo("03");
  }

  private static byte[] input(long baseLength, long expLength, long modLength, String base, String exp,
      String mod) {
    return concat(header(baseLength, expLength, modLength), Hex.decode(base), Hex.decode(exp), Hex.decode(mod));
  }

  private static byte[] header(long baseLength, long expLength, long modLength) {
    return header(BigInteger.valueOf(baseLength), BigInteger.valueOf(expLength), BigInteger.valueOf(modLength));
  }

  private static byte[] header(BigInteger baseLength, BigInteger expLength, BigInteger modLength) {
    return concat(word(baseLength), word(expLength), word(modLength));
  }

  private static byte[] word(BigInteger value) {
    byte[] magnitude = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(magnitude.length, 32);
    System.arraycopy(magnitude, magnitude.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
