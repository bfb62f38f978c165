package io.fpp4j.proof.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.testing.PipeHost;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlobProviderTest {
  static final long TIMESTAMP = 1_700_000_000L;

  @Test
  void readsABlobOverPipesWithHintThenCommitmentThenElementsInRootOrder() throws Exception {
    KzgBlobVerifier kzg = new KzgBlobVerifier();
    byte[] blob = BlobFixtures.randomBlob(1);
    byte[] commitment = KzgBlobVerifier.commit(blob);
    Bytes32 vh = BlobProvider.versionedHash(commitment);
    try (PipeHost host = new PipeHost(BlobFixtures.preimages(blob, commitment))) {
      Blob read = new BlobProvider(host.client(), BlobProvider.HintForm.CURRENT, Optional.of(kzg)).getBlob(vh, TIMESTAMP, 0);
      assertThat(read.data().toArray()).isEqualTo(blob);
      assertThat(read.commitment().toArray()).isEqualTo(commitment);
      List<String> events = host.events();
      assertThat(events).hasSize(1 + 1 + 4096);
      assertThat(events.get(0)).isEqualTo("hint l1-blob " + vh.toHex() + "000000006553f100");
      assertThat(events.get(1)).isEqualTo("get " + PreimageKey.fromDigest(PreimageKeyType.SHA256, vh.toArray()));
      for (int i = 0; i < 4096; i++) {
        assertThat(events.get(2 + i)).isEqualTo("get " + PreimageKey.blob(commitment, RootsOfUnity.z(i)));
      }
    }
  }

  @Test
  void legacyHintFormCarriesTheIndex() throws Exception {
    byte[] blob = new byte[Blob.BYTES];
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    Bytes32 vh = BlobProvider.versionedHash(commitment);
    try (PipeHost host = new PipeHost(BlobFixtures.preimages(blob, commitment))) {
      new BlobProvider(host.client(), BlobProvider.HintForm.LEGACY, Optional.empty()).getBlob(vh, TIMESTAMP, 5);
      assertThat(host.hints()).containsExactly(
          "l1-blob 0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c4440140000000000000005000000006553f100");
    }
  }

  @Test
  void commitmentNotMatchingItsVersionedHashIsRejected() throws Exception {
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    Bytes32 vh = BlobProvider.versionedHash(commitment);
    byte[] other = commitment.clone();
    other[47] = 1;
    Map<PreimageKey, byte[]> store = BlobFixtures.preimages(new byte[Blob.BYTES], commitment);
    store.put(PreimageKey.fromDigest(PreimageKeyType.SHA256, vh.toArray()), other);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BlobProvider(host.client()).getBlob(vh, TIMESTAMP, 0))
          .isInstanceOf(BlobCommitmentMismatchException.class)
          .hasMessageContaining("served for versioned hash " + vh)
          .hasMessageContaining("hashes to versioned hash " + BlobProvider.versionedHash(other));
      assertThat(host.events()).hasSize(2); // nothing is read past the bad commitment
    }
  }

  @Test
  void nonKzgVersionedHashIsRejectedBeforeAnyRequest() throws Exception {
    try (PipeHost host = new PipeHost(Map.of())) {
      Bytes32 bad = Bytes32.fromHex("0x02" + "00".repeat(31));
      assertThatThrownBy(() -> new BlobProvider(host.client()).getBlob(bad, TIMESTAMP, 0))
          .isInstanceOf(BlobCommitmentMismatchException.class).hasMessageContaining("has version 0x02");
      assertThat(host.events()).isEmpty();
    }
  }

  @Test
  void kzgCheckCatchesElementsThatDoNotMatchTheCommitment() throws Exception {
    KzgBlobVerifier kzg = new KzgBlobVerifier();
    byte[] blob = BlobFixtures.randomBlob(2);
    byte[] commitment = KzgBlobVerifier.commit(blob);
    byte[] tampered = blob.clone();
    tampered[32 * 10 + 31] ^= 1;
    try (PipeHost host = new PipeHost(BlobFixtures.preimages(tampered, commitment))) {
      BlobProvider provider = new BlobProvider(host.client(), BlobProvider.HintForm.CURRENT, Optional.of(kzg));
      assertThatThrownBy(() -> provider.getBlob(BlobProvider.versionedHash(commitment), TIMESTAMP, 0))
          .isInstanceOf(ProviderException.class).hasMessageContaining("blob does not match its commitment");
    }
  }

  @Test
  void nonCanonicalFieldElementIsNamed() throws Exception {
    byte[] blob = new byte[Blob.BYTES];
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    java.util.Arrays.fill(blob, 32 * 3, 32 * 4, (byte) 0xff);
    try (PipeHost host = new PipeHost(BlobFixtures.preimages(blob, commitment))) {
      assertThatThrownBy(() -> new BlobProvider(host.client()).getBlob(BlobProvider.versionedHash(commitment), TIMESTAMP, 0))
          .isInstanceOf(ProviderException.class).hasMessageContaining("field element 3 of blob")
          .hasMessageContaining("not below the BLS modulus");
    }
  }

  @Test
  void missingFieldElementEndsTheHostNamingTheKey() throws Exception {
    byte[] commitment = zeroBlobCommitment();
    Map<PreimageKey, byte[]> store = BlobFixtures.preimages(new byte[Blob.BYTES], commitment);
    PreimageKey missing = PreimageKey.blob(commitment, RootsOfUnity.z(17));
    store.remove(missing);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BlobProvider(host.client()).getBlob(BlobProvider.versionedHash(commitment), TIMESTAMP, 0))
          .isInstanceOf(io.fpp4j.preimage.PreimageOracleException.class).hasMessageContaining(missing.hex());
      assertThat(host.awaitFailure()).hasMessageContaining("no preimage for key " + missing);
    }
  }

  @Test
  void fieldElementOfTheWrongLengthIsNamedWithItsKey() throws Exception {
    byte[] commitment = zeroBlobCommitment();
    Map<PreimageKey, byte[]> store = BlobFixtures.preimages(new byte[Blob.BYTES], commitment);
    PreimageKey shortOne = PreimageKey.blob(commitment, RootsOfUnity.z(5));
    store.put(shortOne, new byte[31]);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new BlobProvider(host.client()).getBlob(BlobProvider.versionedHash(commitment), TIMESTAMP, 0))
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("field element 5 of blob")
          .hasMessageContaining(shortOne.toString())
          .hasMessageContaining("is 31 bytes, not 32");
    }
  }

  /** The commitment of the all-zero blob: the point at infinity, compressed. */
  private static byte[] zeroBlobCommitment() {
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    return commitment;
  }
}
