package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.precompiles.kzg.Kzg;
import io.fpp4j.precompiles.kzg.TestBlobs;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.blob.RootsOfUnity;
import io.fpp4j.proof.hint.BlobHint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.Hints;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code l1-blob} against a local beacon API serving generated blobs, plus the key vectors of
 * op-program-spec 10.3 (bit-reversed roots of unity, the zero blob's keys).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlobHandlerTest {
  static final long GENESIS = 1_606_824_023L;
  static final long SLOT = 9_000_000L;
  static final long TIMESTAMP = GENESIS + 12 * SLOT;

  RpcStub beacon;
  BlobHandler handler;
  final MemoryPreimageStore store = new MemoryPreimageStore();
  static final byte[] BLOB = TestBlobs.blob("blob-a");
  static final byte[] OTHER = TestBlobs.blob("blob-b");
  static final byte[] COMMITMENT = Kzg.commitment(BLOB);
  static final byte[] VERSIONED = Kzg.versionedHash(COMMITMENT);

  @BeforeEach
  void start() throws Exception {
    beacon = new RpcStub();
    beacon.get("/eth/v1/beacon/genesis", 200, "{\"data\":{\"genesis_time\":\"" + GENESIS
        + "\",\"genesis_validators_root\":\"0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95\","
        + "\"genesis_fork_version\":\"0x00000000\"}}");
    beacon.get("/eth/v1/config/spec", 200, "{\"data\":{\"SECONDS_PER_SLOT\":\"12\",\"SLOTS_PER_EPOCH\":\"32\"}}");
    handler = new BlobHandler(new BeaconClient(beacon.url() + "/", Duration.ofSeconds(20)));
  }

  @AfterEach
  void stop() {
    beacon.close();
  }

  static BlobHint hint40(byte[] versionedHash, long timestamp) {
    return BlobHint.of(Bytes32.wrap(versionedHash), timestamp);
  }

  static String blobsJson(byte[]... blobs) {
    ArrayNode data = RpcStub.JSON.createArrayNode();
    for (byte[] b : blobs) data.add(Hex.prefixed(b));
    return RpcStub.JSON.createObjectNode().set("data", data).toString();
  }

  static String sidecarsJson(byte[][] blobs, byte[][] commitments) {
    ObjectNode root = RpcStub.JSON.createObjectNode();
    ArrayNode data = root.putArray("data");
    for (int i = 0; i < blobs.length; i++) {
      data.addObject().put("index", String.valueOf(i)).put("blob", Hex.prefixed(blobs[i]))
          .put("kzg_commitment", Hex.prefixed(commitments[i])).put("kzg_proof", "0x" + "c0" + "00".repeat(47));
    }
    return root.toString();
  }

  /** The exact preimages a blob must produce: 1 commitment + 4096 × (key body, field element) + Kona's proof entry. */
  static Map<String, String> expectedEntries(byte[] commitment, byte[] versionedHash, byte[] blob) {
    Map<String, String> out = new java.util.TreeMap<>();
    out.put(Stored.key(4, versionedHash), Hex.prefixed(commitment));
    for (int i = 0; i < 4096; i++) {
      byte[] body = ChainData.concat(commitment, RootsOfUnity.z(i));
      byte[] h = io.fpp4j.primitives.Hashing.keccak256(body);
      out.put(Stored.key(2, h), Hex.prefixed(body));
      out.put(Stored.key(5, h), Hex.prefixed(Arrays.copyOfRange(blob, 32 * i, 32 * i + 32)));
    }
    byte[] proofBody = ChainData.concat(commitment, Arrays.copyOf(RootsOfUnity.z(4095), 24), ChainData.u64(4096));
    byte[] h = io.fpp4j.primitives.Hashing.keccak256(proofBody);
    out.put(Stored.key(2, h), Hex.prefixed(proofBody));
    out.put(Stored.key(5, h), Hex.prefixed(Kzg.blobProof(blob, commitment)));
    return out;
  }

  @Test
  void aBlobFromTheBlobsEndpointStoresItsCommitmentAnd4096FieldElements() throws Exception {
    beacon.get("/eth/v1/beacon/blobs/" + SLOT + "?versioned_hashes=" + Hex.prefixed(VERSIONED), 200, blobsJson(OTHER, BLOB));
    handler.handle(hint40(VERSIONED, TIMESTAMP), store);
    assertThat(store.size()).isEqualTo(1 + 2 * 4097);
    assertThat(Stored.of(store)).isEqualTo(expectedEntries(COMMITMENT, VERSIONED, BLOB));
    // Kona's 4,097th entry is a proof that the blob matches its commitment.
    byte[] proofKey = io.fpp4j.primitives.Hashing.keccak256(BlobHandler.proofKeyPreimage(COMMITMENT));
    byte[] proof = store.get(PreimageKey.fromDigest(io.fpp4j.preimage.PreimageKeyType.BLOB, proofKey)).orElseThrow();
    assertThat(Kzg.verifyBlobProof(BLOB, COMMITMENT, proof)).isTrue();
    assertThat(Kzg.verifyBlobProof(OTHER, COMMITMENT, proof)).isFalse();
    // The client's first read: the commitment under the sha256 key of the versioned hash, which verifies as sha256.
    assertThat(store.get(PreimageKey.sha256Of(COMMITMENT))).hasValueSatisfying(v -> assertThat(v).isEqualTo(COMMITMENT));
    assertThat(beacon.paths).containsExactly("/eth/v1/beacon/genesis", "/eth/v1/config/spec",
        "/eth/v1/beacon/blobs/" + SLOT + "?versioned_hashes=" + Hex.prefixed(VERSIONED));
    // Genesis and slot length are read once.
    handler.handle(hint40(VERSIONED, TIMESTAMP + 5), new MemoryPreimageStore());
    assertThat(beacon.paths).hasSize(4).last().isEqualTo("/eth/v1/beacon/blobs/" + SLOT + "?versioned_hashes=" + Hex.prefixed(VERSIONED));
  }

  @Test
  void theLegacy48ByteFormFallsBackToBlobSidecars() throws Exception {
    beacon.get("/eth/v1/beacon/blob_sidecars/" + SLOT, 200,
        sidecarsJson(new byte[][] {OTHER, BLOB}, new byte[][] {Kzg.commitment(OTHER), COMMITMENT}));
    BlobHint legacy = (BlobHint) Hints.parse(
        "l1-blob " + Hex.prefixed(ChainData.concat(VERSIONED, ChainData.u64(1), ChainData.u64(TIMESTAMP))), Dialect.OP_PROGRAM);
    assertThat(legacy).isEqualTo(BlobHint.legacy(Bytes32.wrap(VERSIONED), 1, TIMESTAMP));
    handler.handle(legacy, store);
    assertThat(Stored.of(store)).isEqualTo(expectedEntries(COMMITMENT, VERSIONED, BLOB));
    assertThat(beacon.paths).contains("/eth/v1/beacon/blobs/" + SLOT + "?versioned_hashes=" + Hex.prefixed(VERSIONED),
        "/eth/v1/beacon/blob_sidecars/" + SLOT);
  }

  @Test
  void aSlotWithoutTheBlobIsAFailedFetch() {
    beacon.get("/eth/v1/beacon/blobs/" + SLOT, 200, blobsJson(OTHER));
    assertThatThrownBy(() -> handler.handle(hint40(VERSIONED, TIMESTAMP), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("beacon node " + beacon.url() + " has no blob with versioned hash " + Hex.prefixed(VERSIONED) + " in slot " + SLOT
            + " (L1 timestamp " + TIMESTAMP + ", 1 blobs in the slot)");
    assertThat(store.size()).isZero();
  }

  @Test
  void aSidecarWhoseBlobDoesNotMatchItsCommitmentIsRejected() {
    beacon.get("/eth/v1/beacon/blob_sidecars/" + SLOT, 200, sidecarsJson(new byte[][] {OTHER}, new byte[][] {COMMITMENT}));
    assertThatThrownBy(() -> handler.handle(hint40(VERSIONED, TIMESTAMP), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("beacon node " + beacon.url() + " slot " + SLOT + " lists a blob under commitment " + Hex.prefixed(COMMITMENT)
            + " but the blob's commitment is " + Hex.prefixed(Kzg.commitment(OTHER)));
    assertThat(store.size()).isZero();
  }

  @Test
  void noBlobEndpointAtAllNamesBothAttempts() {
    assertThatThrownBy(() -> handler.handle(hint40(VERSIONED, TIMESTAMP), store))
        .isInstanceOf(RpcException.class)
        .hasMessageStartingWith("beacon node " + beacon.url() + " gave no blobs for slot " + SLOT + ": GET " + beacon.url()
            + "/eth/v1/beacon/blobs/" + SLOT)
        .hasMessageContaining("answered HTTP 404")
        .hasMessageContaining("; and GET " + beacon.url() + "/eth/v1/beacon/blob_sidecars/" + SLOT + " (beacon node) answered HTTP 404");
  }

  @Test
  void badHintsAreInvalid() {
    HintHandlerRegistry registry = HintHandlerRegistry.builder(Dialect.KONA).register(HintType.L1_BLOB, BlobHint.class, handler).build();
    assertThat(Routing.invalid(registry, Routing.hint("l1-blob", new byte[41]))).hasMessageContaining(
        ": l1-blob hint data must be 40 (versioned hash ‖ timestamp) or 48 (versioned hash ‖ index ‖ timestamp), got 41 bytes");
    byte[] wrongVersion = VERSIONED.clone();
    wrongVersion[0] = 2;
    assertThatThrownBy(() -> handler.handle(hint40(wrongVersion, TIMESTAMP), store))
        .isInstanceOf(InvalidHintException.class).hasMessageEndingWith("does not have version 0x01 (KZG)");
    assertThatThrownBy(() -> handler.handle(hint40(VERSIONED, GENESIS - 1), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageEndingWith(": L1 timestamp " + (GENESIS - 1) + " is before the beacon genesis time " + GENESIS + " of " + beacon.url());
    assertThat(store.size()).isZero();
  }

  @Test
  void rootsOfUnityMatchTheSpecVectors() {
    assertThat(Hex.encode(RootsOfUnity.z(0))).isEqualTo("00".repeat(31) + "01");
    assertThat(Hex.encode(RootsOfUnity.z(1))).isEqualTo("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
    assertThat(Hex.encode(RootsOfUnity.z(2))).isEqualTo("00000000000000008d51ccce760304d0ec030002760300000001000000000000");
    assertThat(Hex.encode(RootsOfUnity.z(3))).isEqualTo("73eda753299d7d47a5e80b39939ed33467baa40089fb5bfefffeffff00000001");
    assertThat(Hex.encode(RootsOfUnity.z(4095))).isEqualTo("391b2856c609b4784ae25ffab9dc59865046d17864183203961a252dd8543362");
    assertThat(new BigInteger(1, RootsOfUnity.z(1))).isEqualTo(RootsOfUnity.BLS_MODULUS.subtract(BigInteger.ONE));
  }

  @Test
  void fieldElementIIsTheBlobPolynomialAtRootI() {
    // c-kzg evaluates the blob's polynomial; at the i-th bit-reversed root it must give element i.
    for (int i : new int[] {0, 1, 2, 3, 1000, 2048, 4095}) {
      byte[] y = Kzg.computeProof(BLOB, RootsOfUnity.z(i))[1];
      assertThat(Hex.encode(y)).as("element %d", i).isEqualTo(Hex.encode(BLOB, 32 * i, 32));
    }
  }

  @Test
  void theZeroBlobsKeysAreTheSpecVectors() {
    byte[] zero = new byte[Kzg.BLOB_BYTES];
    byte[] c = Kzg.commitment(zero);
    assertThat(Hex.encode(c)).isEqualTo("c0" + "00".repeat(47));
    byte[] vh = Kzg.versionedHash(c);
    assertThat(Hex.encode(vh)).isEqualTo("010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
    BlobHandler.store(store, vh, c, zero);
    Map<String, String> s = Stored.of(store);
    assertThat(s).containsEntry("0x040657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014", Hex.prefixed(c));
    String zero32 = "0x" + "00".repeat(32);
    assertThat(s).containsEntry("0x05d0386f1692642e9b46449e7ee5a7aaa85d92ab248930e0ff388ed56c79977e", zero32)
        .containsEntry("0x0548a8b457e7d906d8d22e959da25e1162d6f70cfaf8fc55338f898581217adb", zero32)
        .containsEntry("0x0522a2380f0e3f2a088df8b98b7b54e659c11a3399dd2156bd23edd3f182f89c", zero32)
        .containsEntry("0x02d0386f1692642e9b46449e7ee5a7aaa85d92ab248930e0ff388ed56c79977e",
            Hex.prefixed(ChainData.concat(c, RootsOfUnity.z(0))));
    // Kona's proof entry: its key body ends in the first 24 bytes of z_4095 and u64be(4096); the zero blob's
    // proof is the point at infinity.
    String proofBody = "0xc0" + "00".repeat(47) + Hex.encode(RootsOfUnity.z(4095), 0, 24) + "0000000000001000";
    byte[] proofDigest = io.fpp4j.primitives.Hashing.keccak256(Hex.decode(proofBody));
    assertThat(s).containsEntry(Stored.key(2, proofDigest), proofBody)
        .containsEntry(Stored.key(5, proofDigest), "0xc0" + "00".repeat(47));
    assertThat(s).hasSize(1 + 2 * 4097);
  }
}
