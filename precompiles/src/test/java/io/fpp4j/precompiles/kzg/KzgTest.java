package io.fpp4j.precompiles.kzg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The c-kzg loader and the one bundled trusted setup. */
class KzgTest {
  @Test
  void theTrustedSetupIsBundledNextToTheLoaderWithTheCeremonysHash() throws Exception {
    try (InputStream in = Kzg.class.getResourceAsStream(Kzg.SETUP_RESOURCE)) {
      assertThat(in).as("resource %s", Kzg.SETUP_RESOURCE).isNotNull();
      assertThat(Hex.encode(Hashing.sha256(in.readAllBytes()))).isEqualTo(Kzg.SETUP_SHA256);
    }
  }

  @Test
  void theZeroBlobCommitsToThePointAtInfinity() {
    // The compressed G1 identity: flag bits 0b11 (compressed, infinity), then zeros.
    assertThat(Hex.encode(Kzg.commitment(new byte[Kzg.BLOB_BYTES]))).isEqualTo("c0" + "00".repeat(47));
  }

  @Test
  void blobProofsVerifyOnlyForTheirBlob() {
    byte[] blob = TestBlobs.blob("kzg");
    byte[] commitment = Kzg.commitment(blob);
    byte[] proof = Kzg.blobProof(blob, commitment);
    assertThat(Kzg.verifyBlobProof(blob, commitment, proof)).isTrue();
    assertThat(Kzg.verifyBlobProof(TestBlobs.blob("other"), commitment, proof)).isFalse();
  }

  @Test
  void evaluateAgreesWithTheProofItComesFrom() {
    byte[] blob = TestBlobs.blob("kzg");
    byte[] z = new byte[32];
    z[31] = 5;
    byte[][] proofAndY = Kzg.computeProof(blob, z);
    assertThat(Kzg.evaluate(blob, z)).isEqualTo(proofAndY[1]);
    assertThat(Kzg.verifyProof(Kzg.commitment(blob), z, proofAndY[1], proofAndY[0])).isTrue();
  }

  @Test
  void aBlobOfTheWrongSizeIsRefusedByName() {
    assertThatThrownBy(() -> Kzg.commitment(new byte[100])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a blob is 131072 bytes, got 100");
  }

  @Test
  void theVersionedHashIsVersionOneOfTheCommitmentsSha256() {
    byte[] c = Kzg.commitment(new byte[Kzg.BLOB_BYTES]);
    byte[] vh = Kzg.versionedHash(c);
    byte[] sha = Hashing.sha256(c);
    assertThat(vh[0]).isEqualTo((byte) 0x01);
    assertThat(Arrays.copyOfRange(vh, 1, 32)).isEqualTo(Arrays.copyOfRange(sha, 1, 32));
    assertThat(Kzg.sameVersionedHash(c, vh)).isTrue();
  }
}
