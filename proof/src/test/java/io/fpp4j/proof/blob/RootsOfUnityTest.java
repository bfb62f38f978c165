package io.fpp4j.proof.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vectors of op-program-spec 10.3, and c-kzg's evaluation as an independent check (Kona's test). */
class RootsOfUnityTest {
  @Test
  void bitReversedVectors() {
    assertThat(Hex.encode(RootsOfUnity.z(0))).isEqualTo("0000000000000000000000000000000000000000000000000000000000000001");
    assertThat(Hex.encode(RootsOfUnity.z(1))).isEqualTo("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
    assertThat(Hex.encode(RootsOfUnity.z(2))).isEqualTo("00000000000000008d51ccce760304d0ec030002760300000001000000000000");
    assertThat(Hex.encode(RootsOfUnity.z(3))).isEqualTo("73eda753299d7d47a5e80b39939ed33467baa40089fb5bfefffeffff00000001");
    assertThat(Hex.encode(RootsOfUnity.z(4095))).isEqualTo("391b2856c609b4784ae25ffab9dc59865046d17864183203961a252dd8543362");
    assertThat(RootsOfUnity.value(1)).isEqualTo(RootsOfUnity.BLS_MODULUS.subtract(BigInteger.ONE));
  }

  @Test
  void montgomeryProductsMatchBigInteger() {
    java.util.Random random = new java.util.Random(4844);
    BigInteger r = RootsOfUnity.BLS_MODULUS;
    BigInteger rInv = BigInteger.ONE.shiftLeft(256).modInverse(r);
    java.util.List<BigInteger> edges = java.util.List.of(BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE),
        r.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(254), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    long[] t = new long[6];
    for (int n = 0; n < 20_000; n++) {
      BigInteger x = n < 36 ? edges.get(n % 6) : new BigInteger(255, random).mod(r);
      BigInteger y = n < 36 ? edges.get(n / 6) : new BigInteger(255, random).mod(r);
      long[] a = RootsOfUnity.limbs(x), b = RootsOfUnity.limbs(y);
      RootsOfUnity.montgomeryMultiply(a, b, t);
      assertThat(value(a)).as("%s * %s", x, y).isEqualTo(x.multiply(y).multiply(rInv).mod(r));
    }
  }

  private static BigInteger value(long[] limbs) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    return v;
  }

  @Test
  void theTableIsTheComputedDomain() {
    BigInteger[] computed = RootsOfUnity.compute();
    assertThat(computed).hasSize(4096);
    for (int i = 0; i < 4096; i++) {
      assertThat(RootsOfUnity.value(i)).as("z(%d)", i).isEqualTo(computed[i]);
      assertThat(RootsOfUnity.z(i)).isEqualTo(RootsOfUnity.toBytes32(computed[i]));
    }
  }

  @Test
  void allDistinctFourThousandNinetySixthRoots() {
    Set<BigInteger> seen = new HashSet<>();
    for (int i = 0; i < 4096; i++) {
      BigInteger z = RootsOfUnity.value(i);
      assertThat(z.modPow(BigInteger.valueOf(4096), RootsOfUnity.BLS_MODULUS)).isEqualTo(BigInteger.ONE);
      seen.add(z);
    }
    assertThat(seen).hasSize(4096);
    assertThat(RootsOfUnity.reverseBits(1)).isEqualTo(2048);
    assertThat(RootsOfUnity.reverseBits(4095)).isEqualTo(4095);
    assertThatThrownBy(() -> RootsOfUnity.z(4096)).hasMessageContaining("[0, 4096), got 4096");
  }

  @Test
  void zeroBlobKeyVectors() {
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    assertThat(BlobProvider.versionedHash(commitment).toHex())
        .isEqualTo("0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
    assertThat(PreimageKey.fromDigest(PreimageKeyType.SHA256, BlobProvider.versionedHash(commitment).toArray()))
        .isEqualTo(PreimageKey.fromHex("040657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014"));
    assertThat(PreimageKey.blob(commitment, RootsOfUnity.z(0)))
        .isEqualTo(PreimageKey.fromHex("05d0386f1692642e9b46449e7ee5a7aaa85d92ab248930e0ff388ed56c79977e"));
    assertThat(PreimageKey.blob(commitment, RootsOfUnity.z(1)))
        .isEqualTo(PreimageKey.fromHex("0548a8b457e7d906d8d22e959da25e1162d6f70cfaf8fc55338f898581217adb"));
    assertThat(PreimageKey.blob(commitment, RootsOfUnity.z(4095)))
        .isEqualTo(PreimageKey.fromHex("0522a2380f0e3f2a088df8b98b7b54e659c11a3399dd2156bd23edd3f182f89c"));
  }

  @Test
  void ckzgEvaluatesEachBlobAtItsRootToTheElement() {
    new KzgBlobVerifier();
    byte[] blob = BlobFixtures.randomBlob(7);
    byte[] zero = new byte[Blob.BYTES];
    byte[] zeroCommitment = new byte[48];
    zeroCommitment[0] = (byte) 0xc0;
    assertThat(KzgBlobVerifier.commit(zero)).isEqualTo(zeroCommitment);
    for (int i : new int[] {0, 1, 2, 3, 100, 2048, 4095}) {
      byte[] fe = new byte[32];
      System.arraycopy(blob, 32 * i, fe, 0, 32);
      assertThat(KzgBlobVerifier.evaluate(blob, RootsOfUnity.z(i))).as("element %d", i).isEqualTo(fe);
    }
  }
}
