package io.fpp4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.derive.DerivationPipeline;
import io.fpp4j.derive.SafeChain;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2Block;
import io.fpp4j.proof.l2.L2ChainProvider;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The program's L2 chain for overlapping span batches: agreed blocks through the oracle, derived ones recorded. */
class ProgramSafeChainTest {
  static DevnetFixture.Prepared prepared;
  static RollupConfig config;

  @BeforeAll
  static void prepare() throws Exception {
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    config = RollupConfig.parse(Files.readAllBytes(prepared.rollupConfig()));
  }

  private static L2ChainProvider provider(StoreOracle oracle) {
    return L2ChainProvider.builder(oracle, prepared.basicSuccess().l2Head(), Dialect.OP_PROGRAM).config(config).build();
  }

  /** The agreed block and one before it, read through the oracle: their refs as the safe head reads them. */
  @Test
  void agreedBlocksComeFromTheOracle() {
    StoreOracle oracle = new StoreOracle(prepared.dataDir(), Map.of());
    L2ChainProvider l2 = provider(oracle);
    L2Block head = l2.blockByHash(prepared.basicSuccess().l2Head());
    ProgramSafeChain chain = new ProgramSafeChain(config, l2, head.header().number());
    for (long n : new long[] {head.header().number(), head.header().number() - 1}) {
      L2Block block = l2.blockByNumber(n);
      SafeChain.Block b = chain.block(n);
      assertThat(b.ref()).isEqualTo(SafeHead.of(config, block).ref());
      long user = block.transactions().stream().filter(t -> !t.isDeposit()).count();
      assertThat(b.userTransactions()).hasSize((int) user).allMatch(t -> (t.get(0) & 0xff) != 0x7e);
    }
    assertThatThrownBy(() -> chain.block(head.header().number() + 1)).isInstanceOf(ClientException.class)
        .hasMessageContaining("after the agreed block").hasMessageContaining("not derived");
  }

  /** A derived block is recorded with its origin and its attributes' transactions less the deposits. */
  @Test
  void derivedBlocksComeFromWhatWasRecorded() {
    StoreOracle oracle = new StoreOracle(prepared.dataDir(), Map.of());
    L2ChainProvider l2 = provider(oracle);
    Header head = l2.headerByHash(prepared.basicSuccess().l2Head());
    ProgramSafeChain chain = new ProgramSafeChain(config, l2, head.number());
    Header next = new Header(head.hash(), head.ommersHash(), head.beneficiary(), head.stateRoot(), head.transactionsRoot(),
        head.receiptsRoot(), head.logsBloom(), head.difficulty(), head.number() + 1, head.gasLimit(), head.gasUsed(),
        head.timestamp() + 2, head.extraData(), head.mixHash(), head.nonce(), head.baseFeePerGas(), head.withdrawalsRoot(),
        head.blobGasUsed(), head.excessBlobGas(), head.parentBeaconBlockRoot(), head.requestsHash());
    List<Bytes> txs = List.of(Bytes.fromHex("0x7e01"), Bytes.fromHex("0x02c0"), Bytes.fromHex("0x02c1"));
    PayloadAttributes attrs = new PayloadAttributes(next.timestamp(), Bytes32.ZERO, PayloadAttributes.SEQUENCER_FEE_VAULT, txs,
        true, 30_000_000, true, null, null, null);
    Bytes32 origin = Bytes32.fromHex("0x" + "0c".repeat(32));
    chain.record(next, new DerivationPipeline.Derived(attrs, next.number(), 12, origin, 3, false));
    SafeChain.Block b = chain.block(next.number());
    assertThat(b.ref().hash()).isEqualTo(next.hash());
    assertThat(b.ref().l1OriginNumber()).isEqualTo(12);
    assertThat(b.ref().l1OriginHash()).isEqualTo(origin);
    assertThat(b.ref().sequenceNumber()).isEqualTo(3);
    assertThat(b.userTransactions()).containsExactly(Bytes.fromHex("0x02c0"), Bytes.fromHex("0x02c1"));
    assertThatThrownBy(() -> chain.record(head, new DerivationPipeline.Derived(attrs, next.number(), 12, origin, 3, false)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recorded for derived block");
  }
}
