package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.proof.testing.MapOracle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A span batch through the whole pipeline: L1 block 102 carries, in one batcher calldata transaction, a zlib channel
 * holding a span batch of L2 blocks 1 to 3, which move from L1 origin 100 to 101.
 */
class SpanBatchPipelineTest {
  private static final Bytes32 L2_PARENT = Bytes32.fromHex("0x" + "44".repeat(32));

  private final RollupConfig config = TestConfigs.fjord();
  private final BatcherL1 l1 = new BatcherL1();
  private final MapOracle oracle = l1.oracle;
  private final List<String> log = new ArrayList<>();

  private Header serve(long number, long time, Bytes32 parent, List<Transaction> txs) {
    return l1.serve(number, time, parent, txs);
  }

  private static Transaction batcherTx(byte[] data) {
    return BatcherL1.batcherTx(data);
  }

  private static SpanBatchTx userTx(long nonce) {
    return BatcherL1.userTx(nonce);
  }

  @Test
  void derivesASpanCarriedAfterItsOrigin() {
    Header b100 = serve(100, 990, Bytes32.ZERO, List.of());
    Header b101 = serve(101, 1002, b100.hash(), List.of());
    SpanBatch span = new SpanBatch(2, 101, Bytes.of(L2_PARENT.toArray(), 0, 20), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b010), List.of(1L, 0L, 2L), List.of(userTx(0), userTx(1), userTx(2)));
    byte[] channel = ChannelReaderTest.zlib(ChannelReaderTest.rlpStrings(List.of(span.encode())));
    byte[] txData = Frame.encodeTxData(List.of(new Frame(FrameTest.id(7), 0, Bytes.adopt(channel), true)));
    Header b102 = serve(102, 1008, b101.hash(), List.of(batcherTx(txData)));
    DerivationPipeline p = new DerivationPipeline(config, new L1ChainProvider(oracle, b102.hash()), new BlobProvider(oracle),
        MapSafeChain.empty(), L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    p.reset(new L2BlockRef(L2_PARENT, 0, 1000, 100, b100.hash(), 0),
        BatcherL1.systemConfig(config));
    List<Long> origins = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<Integer> txCounts = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      DerivationPipeline.Derived d = p.next().orElseThrow(() -> new AssertionError("no block: " + log));
      assertThat(d.number()).isEqualTo(n);
      assertThat(d.attributes().timestamp()).isEqualTo(1000 + 2L * n);
      origins.add(d.l1OriginNumber());
      seqs.add(d.sequenceNumber());
      txCounts.add(d.attributes().transactions().size());
      p.advance(Bytes32.fromHex("0x" + String.format("%02x", 0x50 + n).repeat(32)));
    }
    assertThat(origins).containsExactly(100L, 101L, 101L);
    assertThat(seqs).containsExactly(1L, 0L, 1L);
    assertThat(txCounts).containsExactly(2, 1, 3); // the L1-info deposit plus each block's transactions
    assertThat(p.next()).isEmpty(); // nothing more in L1, and the window is open
    assertThat(log).isEmpty();
  }

  @Test
  void aSpanWhoseParentCheckMissesTheSafeHeadIsDropped() {
    Header b100 = serve(100, 990, Bytes32.ZERO, List.of());
    Header b101 = serve(101, 1002, b100.hash(), List.of());
    SpanBatch span = new SpanBatch(2, 101, Bytes.adopt(new byte[20]), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b010), List.of(1L, 0L, 2L), List.of(userTx(0), userTx(1), userTx(2)));
    byte[] channel = ChannelReaderTest.zlib(ChannelReaderTest.rlpStrings(List.of(span.encode())));
    Header b102 = serve(102, 1008, b101.hash(),
        List.of(batcherTx(Frame.encodeTxData(List.of(new Frame(FrameTest.id(7), 0, Bytes.adopt(channel), true))))));
    DerivationPipeline p = new DerivationPipeline(config, new L1ChainProvider(oracle, b102.hash()), new BlobProvider(oracle),
        MapSafeChain.empty(), L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    p.reset(new L2BlockRef(L2_PARENT, 0, 1000, 100, b100.hash(), 0),
        BatcherL1.systemConfig(config));
    Optional<DerivationPipeline.Derived> d = p.next();
    assertThat(d).isEmpty();
    assertThat(log).anyMatch(m -> m.contains("parent check"));
  }

  /**
   * With no batch at all, the safe head's epoch (100) is past its sequencing window (20 blocks) once L1 block 120,
   * its last, has been read whole: op-node's batch queue and Kona's then make an empty batch, before reading block
   * 121. With the L1 head at 119 the window is still open and nothing is derived.
   */
  @Test
  void anEmptyBatchIsMadeOnceTheWindowsLastL1BlockIsRead() {
    List<Header> chain = new ArrayList<>();
    Bytes32 parent = Bytes32.ZERO;
    for (int n = 100; n <= 120; n++) {
      Header h = serve(n, 990 + 12L * (n - 100), parent, List.of());
      chain.add(h);
      parent = h.hash();
    }
    SystemConfig sys = BatcherL1.systemConfig(config);
    L2BlockRef safe = new L2BlockRef(L2_PARENT, 0, 1000, 100, chain.get(0).hash(), 0);

    DerivationPipeline open = new DerivationPipeline(config, new L1ChainProvider(oracle, chain.get(19).hash()), new BlobProvider(oracle),
        MapSafeChain.empty(), L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    open.reset(safe, sys);
    assertThat(open.next()).isEmpty();
    assertThat(open.l1Progress()).isEqualTo(120);

    DerivationPipeline expired = new DerivationPipeline(config, new L1ChainProvider(oracle, chain.get(20).hash()), new BlobProvider(oracle),
        MapSafeChain.empty(), L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    expired.reset(safe, sys);
    DerivationPipeline.Derived d = expired.next().orElseThrow(() -> new AssertionError("no empty batch: " + log));
    assertThat(d.fromEmptyBatch()).isTrue();
    assertThat(d.number()).isEqualTo(1);
    assertThat(d.attributes().timestamp()).isEqualTo(1002);
    assertThat(d.l1OriginNumber()).isEqualTo(101); // block 101's time (1002) is reached, so the epoch advances
    assertThat(d.attributes().transactions()).hasSize(1); // the L1-info deposit alone
    assertThat(expired.l1Progress()).isEqualTo(121);
  }
}
