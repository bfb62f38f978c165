package io.fpp4j.derive;

import io.fpp4j.primitives.block.PayloadAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchValidatorTest {
  private static final Bytes32 HEAD = Bytes32.fromHex("0x" + "33".repeat(32));
  private static final BatchValidator.L1Ref EPOCH = new BatchValidator.L1Ref(100, Bytes32.fromHex("0x" + "a0".repeat(32)), 990);
  private static final BatchValidator.L1Ref NEXT = new BatchValidator.L1Ref(101, Bytes32.fromHex("0x" + "a1".repeat(32)), 1002);
  private static final L2BlockRef SAFE = new L2BlockRef(HEAD, 5, 1000, 100, EPOCH.hash(), 0);
  private static final BatchValidator.L1Ref INCLUDED = new BatchValidator.L1Ref(105, Bytes32.ZERO, 1050);
  private static final List<Bytes> TXS = List.of(Bytes.fromHex("0x02c0"));

  private final List<String> log = new ArrayList<>();

  private BatchValidity check(RollupConfig config, SingularBatch batch, List<BatchValidator.L1Ref> l1, BatchValidator.L1Ref inclusion) {
    return new BatchValidator(config, log::add).check(SAFE, l1, inclusion, batch);
  }

  private BatchValidity check(SingularBatch batch) {
    return check(TestConfigs.fjord(), batch, List.of(EPOCH, NEXT), INCLUDED);
  }

  private static SingularBatch batch(long time, BatchValidator.L1Ref origin, List<Bytes> txs) {
    return new SingularBatch(HEAD, origin.number(), origin.hash(), time, txs);
  }

  @Test
  void theNextBlocksBatchIsAccepted() {
    assertThat(check(batch(1002, EPOCH, TXS))).isEqualTo(BatchValidity.ACCEPT);
    assertThat(check(batch(1002, NEXT, TXS))).isEqualTo(BatchValidity.ACCEPT);
    assertThat(log).isEmpty();
  }

  @Test
  void futureAndPastBatches() {
    assertThat(check(batch(1004, EPOCH, TXS))).isEqualTo(BatchValidity.FUTURE);
    assertThat(check(batch(1000, EPOCH, TXS))).isEqualTo(BatchValidity.DROP);
    RollupConfig holocene = TestConfigs.holocene();
    assertThat(check(holocene, batch(1004, EPOCH, TXS), List.of(EPOCH, NEXT), INCLUDED)).isEqualTo(BatchValidity.DROP);
    assertThat(check(holocene, batch(1000, EPOCH, TXS), List.of(EPOCH, NEXT), INCLUDED)).isEqualTo(BatchValidity.PAST);
  }

  @Test
  void aBatchOnAnotherParentIsDropped() {
    SingularBatch b = new SingularBatch(Bytes32.ZERO, EPOCH.number(), EPOCH.hash(), 1002, TXS);
    assertThat(check(b)).isEqualTo(BatchValidity.DROP);
    assertThat(log).singleElement().asString().contains("is not the safe head");
  }

  @Test
  void aBatchIncludedAfterItsSequencingWindowIsDropped() {
    BatchValidator.L1Ref late = new BatchValidator.L1Ref(121, Bytes32.ZERO, 1200); // 100 + window 20 < 121
    assertThat(check(TestConfigs.fjord(), batch(1002, EPOCH, TXS), List.of(EPOCH, NEXT), late)).isEqualTo(BatchValidity.DROP);
    assertThat(log).singleElement().asString().contains("sequencing window");
  }

  @Test
  void epochRules() {
    BatchValidator.L1Ref older = new BatchValidator.L1Ref(99, Bytes32.ZERO, 980);
    assertThat(check(batch(1002, older, TXS))).isEqualTo(BatchValidity.DROP);
    BatchValidator.L1Ref skip = new BatchValidator.L1Ref(102, Bytes32.ZERO, 1001);
    assertThat(check(batch(1002, skip, TXS))).isEqualTo(BatchValidity.DROP);
    BatchValidator.L1Ref wrongHash = new BatchValidator.L1Ref(100, Bytes32.ZERO, 990);
    assertThat(check(batch(1002, wrongHash, TXS))).isEqualTo(BatchValidity.DROP);
    assertThat(check(TestConfigs.fjord(), batch(1002, NEXT, TXS), List.of(EPOCH), INCLUDED)).isEqualTo(BatchValidity.UNDECIDED);
    assertThat(log).anyMatch(m -> m.contains("older")).anyMatch(m -> m.contains("skips")).anyMatch(m -> m.contains("epoch hash"));
  }

  @Test
  void aBatchBeforeItsOriginsTimeIsDropped() {
    BatchValidator.L1Ref future = new BatchValidator.L1Ref(101, NEXT.hash(), 1003);
    assertThat(check(TestConfigs.fjord(), batch(1002, future, TXS), List.of(EPOCH, future), INCLUDED)).isEqualTo(BatchValidity.DROP);
    assertThat(log).singleElement().asString().contains("before its L1 origin");
  }

  @Test
  void sequencerDrift() {
    // Before Fjord the rollup config's 600 s; from Fjord a fixed 1,800 s.
    BatchValidator.L1Ref old = new BatchValidator.L1Ref(100, EPOCH.hash(), 300); // 1002 > 300 + 600
    BatchValidator.L1Ref nextLate = new BatchValidator.L1Ref(101, NEXT.hash(), 1100);
    RollupConfig pre = TestConfigs.config(0, 0, -1, -1, -1);
    assertThat(new BatchValidator(pre, log::add).maxSequencerDrift(300)).isEqualTo(600);
    assertThat(new BatchValidator(TestConfigs.fjord(), log::add).maxSequencerDrift(300)).isEqualTo(1800);
    assertThat(check(pre, batch(1002, old, TXS), List.of(old, nextLate), INCLUDED)).isEqualTo(BatchValidity.DROP);
    // An empty batch past the drift is fine while the next origin is still in the future ...
    assertThat(check(pre, batch(1002, old, List.of()), List.of(old, nextLate), INCLUDED)).isEqualTo(BatchValidity.ACCEPT);
    // ... undecided without it, and dropped once the next origin's time is reached.
    assertThat(check(pre, batch(1002, old, List.of()), List.of(old), INCLUDED)).isEqualTo(BatchValidity.UNDECIDED);
    BatchValidator.L1Ref nextEarly = new BatchValidator.L1Ref(101, NEXT.hash(), 1001);
    assertThat(check(pre, batch(1002, old, List.of()), List.of(old, nextEarly), INCLUDED)).isEqualTo(BatchValidity.DROP);
    assertThat(check(TestConfigs.fjord(), batch(1002, old, TXS), List.of(old, nextLate), INCLUDED)).isEqualTo(BatchValidity.ACCEPT);
  }

  @Test
  void transactionRules() {
    assertThat(check(batch(1002, EPOCH, List.of(Bytes.EMPTY)))).isEqualTo(BatchValidity.DROP);
    assertThat(check(batch(1002, EPOCH, List.of(Bytes.fromHex("0x7ec0"))))).isEqualTo(BatchValidity.DROP);
    assertThat(check(batch(1002, EPOCH, List.of(Bytes.fromHex("0x04c0"))))).isEqualTo(BatchValidity.DROP);
    RollupConfig isthmus = TestConfigs.config(0, 0, 0, 0, 0);
    assertThat(check(isthmus, batch(1002, EPOCH, List.of(Bytes.fromHex("0x04c0"))), List.of(EPOCH, NEXT), INCLUDED))
        .isEqualTo(BatchValidity.ACCEPT);
    assertThat(log).anyMatch(m -> m.contains("empty")).anyMatch(m -> m.contains("deposit")).anyMatch(m -> m.contains("EIP-7702"));
  }

  @Test
  void joviansActivationBlockTakesNoBatchTransactions() {
    RollupConfig jovianAt1002 = TestConfigs.config(0, 0, 0, 0, 0, 1002);
    assertThat(check(jovianAt1002, batch(1002, EPOCH, TXS), List.of(EPOCH, NEXT), INCLUDED)).isEqualTo(BatchValidity.DROP);
    assertThat(log).singleElement().asString().contains("Jovian's activation block");
    assertThat(check(jovianAt1002, batch(1002, EPOCH, List.of()), List.of(EPOCH, NEXT), INCLUDED)).isEqualTo(BatchValidity.ACCEPT);
    RollupConfig jovianAtGenesis = TestConfigs.config(0, 0, 0, 0, 0, 0);
    assertThat(check(jovianAtGenesis, batch(1002, EPOCH, TXS), List.of(EPOCH, NEXT), INCLUDED)).isEqualTo(BatchValidity.ACCEPT);
  }

  @Test
  void emptyBatchesFollowTheEpochsAndDepositOnlyKeepsTheDeposits() {
    BatchValidator v = new BatchValidator(TestConfigs.fjord(), log::add);
    SingularBatch inEpoch = v.emptyBatch(SAFE, EPOCH, new BatchValidator.L1Ref(101, NEXT.hash(), 1010));
    assertThat(inEpoch.epochNumber()).isEqualTo(100);
    assertThat(inEpoch.timestamp()).isEqualTo(1002);
    assertThat(inEpoch.transactions()).isEmpty();
    assertThat(v.emptyBatch(SAFE, EPOCH, NEXT).epochNumber()).isEqualTo(101);

    PayloadAttributes a = new PayloadAttributes(1002, Bytes32.ZERO, PayloadAttributes.SEQUENCER_FEE_VAULT,
        List.of(Bytes.fromHex("0x7e01"), Bytes.fromHex("0x7e02"), Bytes.fromHex("0x02c0")), true, 1, true, null, null, null);
    assertThat(BatchValidator.depositsOnly(a).transactions()).containsExactly(Bytes.fromHex("0x7e01"), Bytes.fromHex("0x7e02"));
  }
}
