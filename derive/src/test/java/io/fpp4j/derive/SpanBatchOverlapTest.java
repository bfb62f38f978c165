package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Span batches that overlap the safe chain (span-batches spec, "Batch Queue"). The safe chain is L2 blocks 0 to 2:
 * block 0 on L1 origin 100, blocks 1 and 2 on origin 101 (sequence numbers 0 and 1), block 1 with one user
 * transaction; the safe head is block 2. L1 block 102 carries one span batch. The parent check of an overlapping span
 * is against the block before its first block; before Holocene its overlapped blocks must match the chain's, from
 * Holocene they are not compared (holocene/derivation.md: full span batch checks are no longer done).
 */
class SpanBatchOverlapTest {
  private static final Bytes32 H0 = Bytes32.fromHex("0x" + "a0".repeat(32));
  private static final Bytes32 H1 = Bytes32.fromHex("0x" + "a1".repeat(32));
  private static final Bytes32 H2 = Bytes32.fromHex("0x" + "a2".repeat(32));
  private static final long CHAIN_ID = TestConfigs.fjord().l2ChainId();

  private final BatcherL1 l1 = new BatcherL1();
  private final List<String> log = new ArrayList<>();
  private final Header b100 = l1.serve(100, 990, Bytes32.ZERO, List.of());
  private final Header b101 = l1.serve(101, 1002, b100.hash(), List.of());
  private final L2BlockRef safeHead = new L2BlockRef(H2, 2, 1004, 101, b101.hash(), 1);

  /** The safe chain, block 1 carrying {@code block1Tx} and on L1 origin {@code block1Origin}. */
  private MapSafeChain chain(SpanBatchTx block1Tx, long block1Origin) {
    return new MapSafeChain()
        .add(new SafeChain.Block(new L2BlockRef(H0, 0, 1000, 100, b100.hash(), 0), List.of()))
        .add(new SafeChain.Block(new L2BlockRef(H1, 1, 1002, block1Origin, b101.hash(), 0),
            List.of(Bytes.adopt(block1Tx.encode2718(CHAIN_ID)))))
        .add(new SafeChain.Block(safeHead, List.of()));
  }

  private MapSafeChain chain() {
    return chain(BatcherL1.userTx(0), 101);
  }

  /**
   * A span of L2 blocks 1 to 3 (times 1002 to 1006): block 1 carries user transaction 0, block 2 none, block 3 user
   * transactions 1 and 2; {@code firstOrigin} is block 1's L1 origin, blocks 2 and 3 are on 101.
   */
  private SpanBatch spanFromBlock1(Bytes32 parent, long firstOrigin) {
    BigInteger bits = BigInteger.valueOf(firstOrigin == 101 ? 0b001 : 0b010);
    return new SpanBatch(2, 101, Bytes.of(parent.toArray(), 0, 20), Bytes.of(b101.hash().toArray(), 0, 20), bits,
        List.of(1L, 0L, 2L), List.of(BatcherL1.userTx(0), BatcherL1.userTx(1), BatcherL1.userTx(2)));
  }

  private DerivationPipeline pipeline(RollupConfig config, SpanBatch span, SafeChain l2) {
    return pipeline(config, List.of(span.encode()), l2);
  }

  /** A pipeline reset to the safe head, with L1 block 102 carrying one channel of these batches. */
  private DerivationPipeline pipeline(RollupConfig config, List<byte[]> batches, SafeChain l2) {
    Header b102 = l1.serve(102, 1008, b101.hash(), List.of(BatcherL1.channelTx(7, batches)));
    DerivationPipeline p = new DerivationPipeline(config, new L1ChainProvider(l1.oracle, b102.hash()), new BlobProvider(l1.oracle),
        l2, L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    p.reset(safeHead, BatcherL1.systemConfig(config));
    return p;
  }

  /** The overlap matches the chain: the span goes on after the safe head with block 3, before and after Holocene. */
  @Test
  void aSpanWhoseOverlapMatchesContinuesAfterTheSafeHead() {
    for (RollupConfig config : List.of(TestConfigs.fjord(), TestConfigs.holocene())) {
      SpanBatch span = spanFromBlock1(H0, 101);
      DerivationPipeline.Derived d = pipeline(config, span, chain()).next()
          .orElseThrow(() -> new AssertionError("no block: " + log));
      assertThat(d.number()).isEqualTo(3);
      assertThat(d.attributes().timestamp()).isEqualTo(1006);
      assertThat(d.l1OriginNumber()).isEqualTo(101);
      assertThat(d.sequenceNumber()).isEqualTo(2);
      assertThat(d.attributes().transactions()).hasSize(3).endsWith(span.transactions(2, CHAIN_ID).toArray(Bytes[]::new));
      assertThat(log).isEmpty();
    }
  }

  @Test
  void anOverlappedBlockWithOtherTransactionsDropsTheSpanBeforeHolocene() {
    MapSafeChain otherTx = chain(BatcherL1.userTx(9), 101);
    assertThat(pipeline(TestConfigs.fjord(), spanFromBlock1(H0, 101), otherTx).next()).isEmpty();
    assertThat(log).containsExactly("dropping span batch: span batch block 0 has 1 transactions that differ from the 1 "
        + "non-deposit transactions of the safe chain's L2 block 1");

    log.clear();
    MapSafeChain fewerTxs = new MapSafeChain().add(chain().block(0)).add(chain().block(2))
        .add(new SafeChain.Block(chain().block(1).ref(), List.of()));
    assertThat(pipeline(TestConfigs.fjord(), spanFromBlock1(H0, 101), fewerTxs).next()).isEmpty();
    assertThat(log).singleElement().asString().contains("differ from the 0 non-deposit transactions of the safe chain's L2 block 1");
  }

  @Test
  void anOverlappedBlockOnAnotherL1OriginDropsTheSpanBeforeHolocene() {
    assertThat(pipeline(TestConfigs.fjord(), spanFromBlock1(H0, 100), chain()).next()).isEmpty();
    assertThat(log).containsExactly("dropping span batch: span batch block 0 has L1 origin 100 but the safe chain's L2 block 1 has 101");
  }

  /** From Holocene the overlapped blocks are not compared: the same two spans go on after the safe head. */
  @Test
  void fromHoloceneOverlappedBlocksAreNotCompared() {
    Optional<DerivationPipeline.Derived> otherTx = pipeline(TestConfigs.holocene(), spanFromBlock1(H0, 101),
        chain(BatcherL1.userTx(9), 101)).next();
    assertThat(otherTx).hasValueSatisfying(d -> assertThat(d.number()).isEqualTo(3));
    Optional<DerivationPipeline.Derived> otherOrigin = pipeline(TestConfigs.holocene(), spanFromBlock1(H0, 100), chain()).next();
    assertThat(otherOrigin).hasValueSatisfying(d -> assertThat(d.l1OriginNumber()).isEqualTo(101));
    assertThat(log).isEmpty();
  }

  /** The parent check of an overlapping span is against the block before its first (block 0), not the safe head. */
  @Test
  void anOverlappingSpanWhoseParentCheckMissesTheBlockBeforeItIsDropped() {
    for (RollupConfig config : List.of(TestConfigs.fjord(), TestConfigs.holocene())) {
      log.clear();
      assertThat(pipeline(config, spanFromBlock1(H2, 101), chain()).next()).isEmpty();
      assertThat(log).containsExactly("dropping span batch: span batch parent check does not match L2 block 0 " + H0
          + " (before the span's first block)");
    }
  }

  /** A span starting at block 2 on L1 origin 100 goes back from its parent's (block 1's) origin 101. */
  @Test
  void anOverlappingSpanWhoseFirstOriginIsBeforeItsParentsIsDropped() {
    SpanBatch span = new SpanBatch(4, 101, Bytes.of(H1.toArray(), 0, 20), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b10), List.of(0L, 1L), List.of(BatcherL1.userTx(1)));
    for (RollupConfig config : List.of(TestConfigs.fjord(), TestConfigs.holocene())) {
      log.clear();
      assertThat(pipeline(config, span, chain()).next()).isEmpty();
      assertThat(log).containsExactly("dropping span batch: span batch's first L1 origin 100 is before its parent's 101");
    }
  }

  /** A span of blocks 1 and 2 only has nothing new: dropped before Holocene, past (no drop) from Holocene. */
  @Test
  void aSpanEndingAtTheSafeHeadIsDroppedBeforeHoloceneAndPastFromIt() {
    SpanBatch span = new SpanBatch(2, 101, Bytes.of(H0.toArray(), 0, 20), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b01), List.of(1L, 0L), List.of(BatcherL1.userTx(0)));
    assertThat(pipeline(TestConfigs.fjord(), span, MapSafeChain.empty()).next()).isEmpty();
    assertThat(log).containsExactly("dropping span batch: span batch ends before the next block");
    log.clear();
    assertThat(pipeline(TestConfigs.holocene(), span, MapSafeChain.empty()).next()).isEmpty();
    assertThat(log).containsExactly("span batch ends before the next block: past");
  }

  /**
   * A channel holding a span that fails its parent check, then block 3's singular batch: before Holocene the singular
   * batch still makes block 3; from Holocene the dropped span takes the rest of its channel with it. A past span does
   * not: the singular batch after it makes block 3.
   */
  @Test
  void fromHoloceneADroppedSpanDropsTheRestOfItsChannelAndAPastOneDoesNot() {
    SingularBatch block3 = new SingularBatch(H2, 101, b101.hash(), 1006, List.of(Bytes.adopt(BatcherL1.userTx(1).encode2718(CHAIN_ID))));
    List<byte[]> badSpanThenBlock3 = List.of(spanFromBlock1(H2, 101).encode(), block3.encode());
    assertThat(pipeline(TestConfigs.fjord(), badSpanThenBlock3, chain()).next())
        .hasValueSatisfying(d -> assertThat(d.attributes().transactions()).hasSize(2).endsWith(block3.transactions().get(0)));
    log.clear();
    assertThat(pipeline(TestConfigs.holocene(), badSpanThenBlock3, chain()).next()).isEmpty();
    assertThat(log).endsWith("dropping the 1 batches left in the channel of a dropped batch (Holocene)");

    log.clear();
    SpanBatch past = new SpanBatch(2, 101, Bytes.of(H0.toArray(), 0, 20), Bytes.of(b101.hash().toArray(), 0, 20),
        BigInteger.valueOf(0b01), List.of(1L, 0L), List.of(BatcherL1.userTx(0)));
    assertThat(pipeline(TestConfigs.holocene(), List.of(past.encode(), block3.encode()), chain()).next())
        .hasValueSatisfying(d -> assertThat(d.number()).isEqualTo(3));
    assertThat(log).containsExactly("span batch ends before the next block: past");
  }
}
