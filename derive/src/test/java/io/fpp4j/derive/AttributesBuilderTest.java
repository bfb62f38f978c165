package io.fpp4j.derive;

import io.fpp4j.primitives.block.PayloadAttributes;
import static io.fpp4j.derive.L1Fixtures.abiBytes;
import static io.fpp4j.derive.L1Fixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.TxType;
import io.fpp4j.proof.boot.RollupConfig;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesBuilderTest {
  private final RollupConfig config = TestConfigs.fjord();
  private final AttributesBuilder builder = new AttributesBuilder(config, L1InfoDeposit.CANCUN_BLOB_FRACTION);
  private final SystemConfig sys = SystemConfig.genesis(config);
  private final Header epoch = L1Fixtures.header(100, 990, Bytes32.ZERO, 0L);
  private final Bytes32 epochHash = epoch.hash();
  private final Header next = L1Fixtures.header(101, 1002, epochHash, 0L);
  private final L2BlockRef parent = new L2BlockRef(Bytes32.fromHex("0x" + "33".repeat(32)), 5, 1000, 100, epochHash, 2);
  private final List<Bytes> batchTxs = List.of(Bytes.fromHex("0x02c0"));

  @Test
  void aBlockInTheSameEpochCountsOnAndHasNoDeposits() {
    AttributesBuilder.Built b = builder.build(parent, epoch, epochHash, sys, null, batchTxs);
    assertThat(b.sequenceNumber()).isEqualTo(3);
    PayloadAttributes a = b.attributes();
    assertThat(a.timestamp()).isEqualTo(1002);
    assertThat(a.transactions()).hasSize(2);
    assertThat(a.transactions().get(1)).isEqualTo(batchTxs.get(0));
    assertThat(a.prevRandao()).isEqualTo(epoch.mixHash());
    assertThat(a.suggestedFeeRecipient()).isEqualTo(PayloadAttributes.SEQUENCER_FEE_VAULT);
    assertThat(a.gasLimit()).isEqualTo(30_000_000);
    assertThat(a.noTxPool()).isTrue();
    assertThat(a.withdrawals()).isTrue();
    assertThat(a.parentBeaconBlockRoot()).isEqualTo(epoch.parentBeaconBlockRoot());
    assertThat(a.eip1559Params()).isNull();
  }

  @Test
  void aNewEpochStartsAtZeroWithItsDepositsAndConfigUpdates() {
    Address batcher = Address.fromHex("0x" + "12".repeat(20));
    Log batcherUpdate = new Log(config.l1SystemConfigAddress(),
        List.of(SystemConfigUpdates.CONFIG_UPDATE_TOPIC, Bytes32.ZERO, word(0)), abiBytes(Bytes32.leftPad(batcher.toArray()).toArray()));
    byte[] opaque = ByteBuffer.allocate(73).put(word(1).toArray()).put(word(0).toArray()).putLong(21000).put((byte) 0).array();
    Log deposit = new Log(config.depositContractAddress(), List.of(UserDeposits.DEPOSIT_EVENT_TOPIC, word(1), word(2), Bytes32.ZERO),
        abiBytes(opaque));
    List<Receipt> receipts = List.of(Receipt.of(TxType.DYNAMIC_FEE, true, 1, List.of(batcherUpdate, deposit)));
    AttributesBuilder.Built b = builder.build(parent, next, next.hash(), sys, receipts, batchTxs);
    assertThat(b.sequenceNumber()).isZero();
    assertThat(b.systemConfig().batcher()).isEqualTo(batcher);
    List<Bytes> txs = b.attributes().transactions();
    assertThat(txs).hasSize(3);
    DepositTransaction info = (DepositTransaction) Transactions.decode2718(txs.get(0).toArray());
    assertThat(Arrays.copyOfRange(info.input().toArray(), 132, 164)).isEqualTo(Bytes32.leftPad(batcher.toArray()).toArray());
    DepositTransaction user = (DepositTransaction) Transactions.decode2718(txs.get(1).toArray());
    assertThat(user.sourceHash()).isEqualTo(SourceHash.userDeposit(next.hash(), 1));
    assertThat(txs.get(2)).isEqualTo(batchTxs.get(0));
  }

  @Test
  void anOriginThatDoesNotContinueTheParentsIsRefused() {
    assertThatThrownBy(() -> builder.build(parent, epoch, Bytes32.ZERO, sys, null, batchTxs)).hasMessageContaining("not the parent's origin");
    Header stranger = L1Fixtures.header(101, 1002, Bytes32.ZERO, 0L);
    assertThatThrownBy(() -> builder.build(parent, stranger, stranger.hash(), sys, List.of(), batchTxs)).hasMessageContaining("does not follow");
    Header far = L1Fixtures.header(103, 1002, Bytes32.ZERO, 0L);
    assertThatThrownBy(() -> builder.build(parent, far, far.hash(), sys, List.of(), batchTxs)).hasMessageContaining("or the next");
    Header late = L1Fixtures.header(101, 1003, epochHash, 0L);
    assertThatThrownBy(() -> builder.build(parent, late, late.hash(), sys, List.of(), batchTxs)).hasMessageContaining("after the L2 block time");
  }

  @Test
  void anUpgradeBlockPutsItsUpgradeDepositsAfterTheUserDepositsAndBeforeTheBatch() {
    RollupConfig later = TestConfigs.config(0, 1002, -1, -1, -1);
    AttributesBuilder b = new AttributesBuilder(later, L1InfoDeposit.CANCUN_BLOB_FRACTION);
    Log deposit = new Log(later.depositContractAddress(), List.of(UserDeposits.DEPOSIT_EVENT_TOPIC, word(1), word(2), Bytes32.ZERO),
        abiBytes(ByteBuffer.allocate(73).put(word(1).toArray()).put(word(0).toArray()).putLong(21000).put((byte) 0).array()));
    List<Receipt> receipts = List.of(Receipt.of(TxType.DYNAMIC_FEE, true, 1, List.of(deposit)));
    List<Bytes> txs = b.build(parent, next, next.hash(), SystemConfig.genesis(later), receipts, List.of()).attributes().transactions();
    List<DepositTransaction> upgrades = UpgradeTransactions.of(io.fpp4j.proof.boot.Hardfork.ECOTONE);
    assertThat(txs).hasSize(2 + upgrades.size());
    // The L1-info deposit still has the pre-Ecotone form: the new L1Block is deployed after it.
    assertThat(Arrays.copyOf(((DepositTransaction) Transactions.decode2718(txs.get(0).toArray())).input().toArray(), 4))
        .isEqualTo(L1InfoDeposit.BEDROCK_SELECTOR);
    assertThat(((DepositTransaction) Transactions.decode2718(txs.get(1).toArray())).sourceHash())
        .isEqualTo(SourceHash.userDeposit(next.hash(), 0)); // the origin's only log
    for (int i = 0; i < upgrades.size(); i++) {
      assertThat(txs.get(2 + i)).isEqualTo(Bytes.adopt(upgrades.get(i).encode2718()));
    }
    assertThat(UpgradeTransactions.isActivationBlock(TestConfigs.fjord(), io.fpp4j.proof.boot.Hardfork.ECOTONE, 1000)).isFalse();
  }

  @Test
  void jovianCarriesTheMinimumBaseFeeAndBeforeItNone() {
    RollupConfig jovian = TestConfigs.config(0, 0, 0, 0, 0, 0);
    SystemConfig sys = SystemConfig.genesis(jovian).withMinBaseFee(1_000_000_007L).withEip1559Params(0x0000_00fa_0000_0006L);
    PayloadAttributes a = new AttributesBuilder(jovian, L1InfoDeposit.PRAGUE_BLOB_FRACTION)
        .build(parent, epoch, epochHash, sys, null, batchTxs).attributes();
    assertThat(a.minBaseFee()).isEqualTo(1_000_000_007L);
    assertThat(Arrays.copyOf(((DepositTransaction) Transactions.decode2718(a.transactions().get(0).toArray())).input().toArray(), 4))
        .isEqualTo(L1InfoDeposit.JOVIAN_SELECTOR);
    RollupConfig isthmus = TestConfigs.config(0, 0, 0, 0, 0);
    assertThat(new AttributesBuilder(isthmus, L1InfoDeposit.PRAGUE_BLOB_FRACTION)
        .build(parent, epoch, epochHash, sys, null, batchTxs).attributes().minBaseFee()).isNull();
  }
}
