package io.fpp4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.derive.BlobData;
import io.fpp4j.derive.ChannelId;
import io.fpp4j.derive.Frame;
import io.fpp4j.derive.SingularBatch;
import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.blob.RootsOfUnity;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.proof.chain.OracleReads;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad batcher data at the program level, on the real devnet proof: the devnet's batcher posted the batch of the
 * claimed block 20 in a blob of L1 block 19. The tests serve that blob altered (the oracle answers its field-element
 * keys with the test's bytes; the program trusts blob field elements as op-program and kona-client do, the chain's
 * KZG check being the on-chain oracle's job) and check that derivation drops what the derivation spec drops.
 */
class FppProgramBadDataTest {
  /** L2 time of the claimed block 20. */
  private static final long BLOCK_20_TIME = 1724958884L;

  static DevnetFixture.Prepared prepared;
  /** The commitment of the blob L1 block 19 carries, and that blob's data (version byte and frames). */
  static byte[] block19Commitment;
  static byte[] block19Data;
  static Header l1Block19;
  static Header l1Block13;

  @BeforeAll
  static void prepare() throws IOException {
    FppProgramDevnetTest.prepare();
    prepared = FppProgramDevnetTest.prepared;
    DevnetFixture.Case c = prepared.basicSuccess();
    StoreOracle oracle = FppProgramDevnetTest.oracle(c, true);
    for (Header h = OracleReads.header(oracle, c.l1Head(), "L1"); h.number() >= 13; h = OracleReads.header(oracle, h.parentHash(), "L1")) {
      if (h.number() == 19) l1Block19 = h;
      if (h.number() == 13) l1Block13 = h;
    }
    // The blob of L1 block 19's batcher transaction: its commitment is the preimage of the versioned hash's sha256 key.
    List<Bytes32> hashes = new L1ChainProvider(oracle, c.l1Head()).transactionsByHash(l1Block19.hash()).stream()
        .filter(t -> t instanceof BlobTransaction).flatMap(t -> ((BlobTransaction) t).blobVersionedHashes().stream()).toList();
    assertThat(hashes).hasSize(1);
    block19Commitment = oracle.get(PreimageKey.sha256(hashes.get(0)));
    block19Data = BlobData.decode(blob(block19Commitment));
    assertThat(Frame.parseAll(block19Data)).hasSize(1);
  }

  static byte[] blob(byte[] commitment) throws IOException {
    byte[] blob = new byte[BlobData.BLOB_BYTES];
    for (int i = 0; i < BlobData.FIELD_ELEMENTS; i++) {
      byte[] e = DevnetFixture.read(prepared.dataDir(), PreimageKey.blob(commitment, RootsOfUnity.z(i)));
      System.arraycopy(e, 0, blob, 32 * i, 32);
    }
    return blob;
  }

  /** Makes the oracle answer the blob keys of {@code commitment} with {@code blob}'s field elements. */
  static void serve(StoreOracle oracle, byte[] commitment, byte[] blob) {
    for (int i = 0; i < BlobData.FIELD_ELEMENTS; i++) {
      oracle.replaced.put(PreimageKey.blob(commitment, RootsOfUnity.z(i)), Arrays.copyOfRange(blob, 32 * i, 32 * i + 32));
    }
  }

  /** Kona's local keys of basic-success with the L1 head moved to L1 block 19, the block that carries block 20's batch. */
  static StoreOracle oracleWithL1HeadAtBlock19() {
    Map<Long, byte[]> keys = StoreOracle.localKeys(prepared.basicSuccess().konaLocalKeys());
    keys.put(1L, l1Block19.hash().toArray());
    return new StoreOracle(prepared.dataDir(), keys);
  }

  private static Frame closedChannel(int id, byte[] data) {
    byte[] channel = new byte[16];
    Arrays.fill(channel, (byte) id);
    return new Frame(new ChannelId(Bytes.adopt(channel)), 0, Bytes.adopt(data), true);
  }

  /** A zlib channel holding the given batches, each as the RLP string the channel format wraps it in. */
  private static byte[] zlibChannel(byte[]... batches) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
      for (byte[] b : batches) z.write(new RlpWriter().writeBytes(b).toByteArray());
    }
    return raw.toByteArray();
  }

  /**
   * Three crafted channels go into the blob ahead of the batcher's own, each closed by its only frame: one whose data
   * is no known compression, one whose batch does not decode, and one whose batch for block 20 is well formed but
   * carries a deposit transaction. The spec drops each (the first two at the channel reader, the third in the batch
   * queue), after which the batcher's channel derives block 20 as before: the claim still holds, with the same hashes.
   */
  @Test
  void craftedChannelsAheadOfTheBatchersAreDroppedAndTheClaimStillHolds() throws IOException {
    byte[] deposit = {0x7e, (byte) 0xc0};
    SingularBatch withDeposit = new SingularBatch(prepared.basicSuccess().l2Head(), 13, l1Block13.hash(), BLOCK_20_TIME,
        List.of(Bytes.adopt(deposit)));
    byte[] undecodable = {0x00, (byte) 0xf8, 0x7f};
    List<Frame> frames = new ArrayList<>(List.of(
        closedChannel(0xa1, "not a compressed channel".getBytes(StandardCharsets.US_ASCII)),
        closedChannel(0xa2, zlibChannel(undecodable)),
        closedChannel(0xa3, zlibChannel(withDeposit.encode()))));
    frames.addAll(Frame.parseAll(block19Data));
    StoreOracle oracle = FppProgramDevnetTest.oracle(prepared.basicSuccess(), true);
    serve(oracle, block19Commitment, BlobData.encode(Frame.encodeTxData(frames)));

    FppProgramDevnetTest.Run r = FppProgramDevnetTest.run(oracle, Optional.empty());

    assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(ExitCode.VALID);
    FppProgramDevnetTest.assertDevnetChain(r.out(), 20);
    assertThat(r.out())
        .contains("derivation: dropping channel read in L1 block 19")
        .contains("derivation: dropping the rest of the channel read in L1 block 19 at a batch that does not decode")
        .contains("derivation: dropping batch: transaction 0 of the batch is a deposit")
        .contains("output root of L2 block 20: " + prepared.basicSuccess().l2Claim())
        .contains("verdict: valid claim");
  }

  /**
   * A frame with an is_last byte of 7 makes the whole batcher transaction's frames invalid (the spec drops every frame
   * of a transaction with one malformed frame). With the L1 head at block 19, L1 then holds no batch for block 20: the
   * program derives nothing and checks the claim against block 19's output, which cannot match: invalid, exit 1, as
   * kona-client and op-program end when L1 runs out before the claimed block. The same inputs with the blob intact
   * give a valid claim, so it is the dropped frame that decides.
   */
  @Test
  void aMalformedFrameDropsItsTransactionAndWithoutTheBatchTheClaimIsInvalid() {
    FppProgramDevnetTest.Run intact = FppProgramDevnetTest.run(oracleWithL1HeadAtBlock19(), Optional.of(Dialect.KONA));
    assertThat(intact.exit()).as("stdout:%n%s%nstderr:%n%s", intact.out(), intact.err()).isEqualTo(ExitCode.VALID);
    assertThat(intact.out()).contains("derived L2 block 20");

    byte[] crossed = block19Data.clone();
    crossed[crossed.length - 1] = 7; // the is_last byte of the transaction's last (and only) frame
    StoreOracle oracle = oracleWithL1HeadAtBlock19();
    serve(oracle, block19Commitment, BlobData.encode(crossed));
    FppProgramDevnetTest.Run r = FppProgramDevnetTest.run(oracle, Optional.of(Dialect.KONA));

    assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(ExitCode.INVALID);
    assertThat(r.out())
        .contains("derivation: dropping batcher transaction in L1 block 19: frame at offset 1 has is_last 7")
        .doesNotContain("derived L2 block")
        .contains("output root of L2 block 19: " + prepared.basicSuccess().l2OutputRoot())
        .contains("derives only up to L2 block 19, not the claimed 20");
    assertThat(r.err()).contains("Claim is invalid");
  }

  /** op-program's map checks its L2 chain config (key 6) against the rollup config; another chain's is refused. */
  @Test
  void anL2ChainConfigOfAnotherChainIsRefusedWithoutAVerdict() throws IOException {
    DevnetFixture.Case c = prepared.basicSuccess();
    Map<Long, byte[]> keys = StoreOracle.localKeys(c.opProgramLocalKeys());
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(keys.get(6L));
    assertThat(json.get("chainId").asLong()).isEqualTo(1337);
    json.put("chainId", 10);
    keys.put(6L, json.toString().getBytes(StandardCharsets.UTF_8));
    FppProgramDevnetTest.Run r = FppProgramDevnetTest.run(new StoreOracle(prepared.dataDir(), keys), Optional.empty());
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("Program failed").contains("is for chain 10").contains("l2_chain_id is 1337");
    assertThat(r.out()).doesNotContain("verdict");
  }
}
