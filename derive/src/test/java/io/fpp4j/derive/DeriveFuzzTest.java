package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.proof.boot.RollupConfig;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The derivation pipeline's decoders fed arbitrary bytes: batcher-transaction frames, blobs, compressed channels,
 * singular and span batches, L1-info calldata and SystemConfig update logs. Whatever the bytes, the only refusal is a
 * {@link DerivationException} whose message says what was wrong; where the format is canonical an accepted input
 * re-encodes to itself. Announced sizes (frame lengths, span batch counts, the channel's RLP limit) must not become
 * allocations: the campaign's 1 GiB heap turns any such allocation into an OutOfMemoryError finding. Inputs live under
 * {@code src/test/resources/io/fpp4j/derive/DeriveFuzzTestInputs/<method>/}.
 */
class DeriveFuzzTest {
  private static final long CHAIN_ID = 901;
  private static final RollupConfig PRE_ECOTONE = TestConfigs.preCanyon();
  private static final RollupConfig ECOTONE = TestConfigs.fjord();

  static void refusedCleanly(DerivationException e) {
    assertThat(e.getMessage()).isNotBlank();
  }

  /** A batcher transaction's data: version byte, then frames filling it exactly; the frames re-encode to it. */
  @FuzzTest(maxDuration = "10m")
  void frames(byte[] data) {
    List<Frame> frames;
    try {
      frames = Frame.parseAll(data);
    } catch (DerivationException e) {
      refusedCleanly(e);
      assertThat(e.getMessage()).containsAnyOf("frame", "batcher transaction");
      return;
    }
    assertThat(frames).isNotEmpty();
    assertThat(Frame.encodeTxData(frames)).isEqualTo(data);
  }

  /**
   * Blob decoding. The fuzzed bytes are the blob's prefix (the rest zero), since a blob is always 128 KiB; an accepted
   * blob re-encodes to itself (the encoding has no free bits). The bytes are also encoded as data and must decode back.
   */
  @FuzzTest(maxDuration = "10m")
  void blobData(byte[] data) {
    byte[] blob = Arrays.copyOf(data, BlobData.BLOB_BYTES);
    try {
      byte[] decoded = BlobData.decode(blob);
      assertThat(decoded.length).isLessThanOrEqualTo(BlobData.MAX_DATA_BYTES);
      assertThat(BlobData.encode(decoded)).isEqualTo(blob);
    } catch (DerivationException e) {
      refusedCleanly(e);
      assertThat(e.getMessage()).containsAnyOf("blob", "field element");
    }
    if (data.length <= BlobData.MAX_DATA_BYTES) assertThat(BlobData.decode(BlobData.encode(data))).isEqualTo(data);
    if (data.length != BlobData.BLOB_BYTES) {
      try {
        BlobData.decode(data);
        throw new AssertionError("a " + data.length + "-byte blob was accepted");
      } catch (DerivationException e) {
        assertThat(e.getMessage()).contains(Integer.toString(data.length));
      }
    }
  }

  /**
   * A channel's compressed bytes (zlib, or brotli after 0x01 from Fjord): at most the Bedrock RLP limit is
   * decompressed, however much the stream would inflate to; the batches are the decompressed RLP strings in order,
   * and each one decodes as a batch or is refused with a DerivationException.
   */
  @FuzzTest(maxDuration = "10m")
  void channelReader(byte[] data) {
    long limit = ChannelReader.MAX_RLP_BYTES_PER_CHANNEL_BEDROCK;
    byte[] decompressed;
    try {
      decompressed = ChannelReader.decompress(data, true, limit);
    } catch (DerivationException e) {
      refusedCleanly(e);
      assertThat(e.getMessage()).startsWith("channel");
      return;
    }
    assertThat((long) decompressed.length).isLessThanOrEqualTo(limit);
    List<byte[]> batches = ChannelReader.batchesOf(decompressed);
    byte[] prefix = rlpStrings(batches);
    assertThat(Arrays.copyOf(decompressed, Math.min(prefix.length, decompressed.length))).isEqualTo(prefix);
    // The pipeline's rule: the first batch that does not decode ends the channel.
    for (byte[] b : batches) {
      try {
        decodeAndCheck(b);
      } catch (DerivationException e) {
        refusedCleanly(e);
        return;
      }
    }
  }

  /** A singular batch (type 0): strict RLP, so an accepted one re-encodes to its bytes. */
  @FuzzTest(maxDuration = "10m")
  void singularBatch(byte[] data) {
    SingularBatch b;
    try {
      b = SingularBatch.decode(data);
    } catch (DerivationException e) {
      refusedCleanly(e);
      assertThat(e.getMessage()).contains("singular batch");
      return;
    }
    assertThat(b.encode()).isEqualTo(data);
  }

  /**
   * A span batch (type 1). Its varints may be non-minimal (as Go's reader allows), so the invariant is that the
   * re-encoding decodes to an equal batch and is itself a fixed point; every block's transactions rebuild.
   */
  @FuzzTest(maxDuration = "10m")
  void spanBatch(byte[] data) {
    SpanBatch b;
    try {
      b = SpanBatch.decode(data, CHAIN_ID);
    } catch (DerivationException e) {
      refusedCleanly(e);
      assertThat(e.getMessage()).contains("span batch");
      return;
    }
    checkSpan(b);
  }

  private static void decodeAndCheck(byte[] batch) {
    Batch b = Batch.decode(batch, CHAIN_ID);
    if (b instanceof SingularBatch s) assertThat(s.encode()).isEqualTo(batch);
    if (b instanceof SpanBatch s) checkSpan(s);
  }

  private static void checkSpan(SpanBatch b) {
    byte[] again = b.encode();
    SpanBatch back = SpanBatch.decode(again, CHAIN_ID);
    assertThat(back).isEqualTo(b);
    assertThat(back.encode()).isEqualTo(again);
    int txs = 0;
    for (int i = 0; i < b.blockCount(); i++) txs += b.transactions(i, CHAIN_ID).size();
    assertThat(txs).isEqualTo(b.txs().size());
  }

  /** L1-info deposit calldata in the Bedrock, Ecotone and Isthmus formats: accepted only at the format's length. */
  @FuzzTest(maxDuration = "10m")
  void l1InfoDeposit(byte[] data) {
    L1InfoDeposit.Values v;
    try {
      v = L1InfoDeposit.parse(data);
    } catch (DerivationException e) {
      refusedCleanly(e);
      assertThat(e.getMessage()).contains("L1-info calldata"); // "Bedrock L1-info calldata is ..." too
      return;
    }
    byte[] selector = Arrays.copyOf(data, 4);
    // Jovian's format is Isthmus's plus the 2-byte DA footprint gas scalar.
    int expected = Arrays.equals(selector, L1InfoDeposit.BEDROCK_SELECTOR) ? 260
        : Arrays.equals(selector, L1InfoDeposit.JOVIAN_SELECTOR) ? 178
        : Arrays.equals(selector, L1InfoDeposit.ISTHMUS_SELECTOR) ? 176 : 164;
    assertThat(data.length).isEqualTo(expected);
    assertThat(v.hash().toArray()).isEqualTo(Arrays.copyOfRange(data, 100, 132));
  }

  /**
   * A SystemConfig ConfigUpdate log, as {@code topic_count (1 byte, mod 5) ‖ topics (32 bytes each) ‖ data}, applied
   * before and after Ecotone: it yields a config or a DerivationException, and an accepted batcher update carries the
   * address from the data's last 20 bytes.
   */
  @FuzzTest(maxDuration = "10m")
  void systemConfigLog(byte[] input) {
    if (input.length == 0) return;
    int topicCount = (input[0] & 0xff) % 5;
    if (input.length < 1 + 32 * topicCount) return;
    List<Bytes32> topics = new ArrayList<>();
    for (int i = 0; i < topicCount; i++) topics.add(Bytes32.wrap(Arrays.copyOfRange(input, 1 + 32 * i, 33 + 32 * i)));
    byte[] data = Arrays.copyOfRange(input, 1 + 32 * topicCount, input.length);
    Log log = new Log(PRE_ECOTONE.l1SystemConfigAddress(), topics, Bytes.adopt(data));
    for (RollupConfig config : List.of(PRE_ECOTONE, ECOTONE)) {
      SystemConfig before = SystemConfig.genesis(config);
      SystemConfig after;
      try {
        after = SystemConfigUpdates.applyOne(config, before, log, 2000);
      } catch (DerivationException e) {
        refusedCleanly(e);
        continue;
      }
      assertThat(after).isNotNull();
      if (topicCount == 3 && topics.get(2).equals(Bytes32.ZERO) && !after.batcher().equals(before.batcher())) {
        assertThat(after.batcher()).isEqualTo(Address.wrap(Arrays.copyOfRange(data, data.length - 20, data.length)));
      }
    }
  }

  static byte[] rlpStrings(List<byte[]> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] item : items) {
      io.fpp4j.primitives.rlp.RlpWriter w = new io.fpp4j.primitives.rlp.RlpWriter();
      w.writeBytes(item);
      out.writeBytes(w.toByteArray());
    }
    return out.toByteArray();
  }
}
