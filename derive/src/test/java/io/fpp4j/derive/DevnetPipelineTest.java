package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.chain.OracleReads;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole pipeline on the devnet: from the L2 genesis, blocks 1 to 20 as the batcher posted them. */
class DevnetPipelineTest {
  @Test
  void derivesTheDevnetChainFromGenesis() throws IOException {
    DevnetFixture.Prepared prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    RollupConfig config = RollupConfig.parse(Files.readAllBytes(prepared.rollupConfig()));
    FileOracle oracle = new FileOracle(prepared.dataDir());
    L1ChainProvider l1 = new L1ChainProvider(oracle, prepared.basicSuccess().l1Head());
    Map<Long, Header> l2 = new HashMap<>();
    Header h = OracleReads.header(oracle, prepared.basicSuccess().l2Head(), "L2");
    l2.put(h.number(), h);
    while (h.number() > 2) { // the data holds the headers of blocks 2 to 19
      h = OracleReads.header(oracle, h.parentHash(), "L2");
      l2.put(h.number(), h);
    }

    List<String> log = new ArrayList<>();
    DerivationPipeline pipeline = new DerivationPipeline(config, l1, new BlobProvider(oracle), MapSafeChain.empty(),
        L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    pipeline.reset(new L2BlockRef(config.genesis().l2().hash(), 0, config.genesis().l2Time(), config.genesis().l1().number(),
        config.genesis().l1().hash(), 0), SystemConfig.genesis(config));
    int matched = 0;
    for (long n = 1; n <= 20; n++) {
      Optional<DerivationPipeline.Derived> d = pipeline.next();
      assertThat(d).as("block %d", n).isPresent();
      assertThat(d.get().number()).isEqualTo(n);
      assertThat(d.get().fromEmptyBatch()).isFalse();
      Bytes32 root = OrderedTrie.root(d.get().attributes().transactions().stream().map(Bytes::toArray).toList());
      Bytes32 hash;
      if (l2.containsKey(n)) {
        assertThat(root).as("transactions root of block %d", n).isEqualTo(l2.get(n).transactionsRoot());
        assertThat(d.get().attributes().timestamp()).isEqualTo(l2.get(n).timestamp());
        hash = l2.get(n).hash();
        matched++;
      } else {
        // Block 1's hash is block 2's parent; block 20 is the claim's, which only execution gives.
        hash = l2.containsKey(n + 1) ? l2.get(n + 1).parentHash() : Bytes32.ZERO;
      }
      pipeline.advance(hash);
    }
    assertThat(matched).isEqualTo(18);
    assertThat(pipeline.l1Progress()).isLessThanOrEqualTo(21); // the data holds L1 transactions up to block 20
    assertThat(log).isEmpty();
  }

  @Test
  void derivesTheClaimedBlockFromTheAgreedHeadAsAProgramDoes() throws IOException {
    DevnetFixture.Prepared prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    RollupConfig config = RollupConfig.parse(Files.readAllBytes(prepared.rollupConfig()));
    FileOracle oracle = new FileOracle(prepared.dataDir());
    DevnetFixture.Case c = prepared.basicSuccess();
    // The agreed head's L1 origin, sequence number and system config come from its own L1-info deposit.
    Header head = OracleReads.header(oracle, c.l2Head(), "L2");
    List<Bytes> txs = io.fpp4j.mpt.OrderedListWalker.walk(head.transactionsRoot(), OracleReads.trieNodes(oracle));
    DepositTransactionView info = DepositTransactionView.of(txs.get(0).toArray());
    L1InfoDeposit.Values v = L1InfoDeposit.parse(info.input());
    SystemConfig sys = SystemConfig.fromL2Block(head, info.input(), false);
    assertThat(sys.batcher()).isEqualTo(SystemConfig.genesis(config).batcher());
    assertThat(sys.ecotoneScalars()).isEqualTo(SystemConfig.genesis(config).ecotoneScalars());
    assertThat(sys.gasLimit()).isEqualTo(30_000_000);
    assertThat(head.number()).isEqualTo(c.l2BlockNumber() - 1);

    List<String> log = new ArrayList<>();
    DerivationPipeline pipeline = new DerivationPipeline(config, new L1ChainProvider(oracle, c.l1Head()), new BlobProvider(oracle),
        MapSafeChain.empty(), L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    L2BlockRef safe = L2BlockRef.of(head, c.l2Head(), info.input());
    assertThat(safe.l1OriginNumber()).isEqualTo(v.number());
    pipeline.reset(safe, sys);
    DerivationPipeline.Derived d = pipeline.next().orElseThrow();
    assertThat(d.number()).isEqualTo(c.l2BlockNumber());
    assertThat(d.attributes().timestamp()).isEqualTo(head.timestamp() + config.blockTime());
    assertThat(d.l1OriginNumber()).isBetween(v.number(), v.number() + 1);
    L1InfoDeposit.Values derivedInfo = L1InfoDeposit.parse(DepositTransactionView.of(d.attributes().transactions().get(0).toArray()).input());
    assertThat(derivedInfo.sequenceNumber()).isEqualTo(d.l1OriginNumber() == v.number() ? v.sequenceNumber() + 1 : 0);
    assertThat(derivedInfo.scalar()).isEqualTo(v.scalar());
    // Re-reading batches of blocks at or before the agreed head drops them as past, which is logged.
    assertThat(log).allMatch(m -> m.contains("before the next block"));
  }

  /** The agreed head's ref and system config, from its L1-info deposit, and a pipeline reset to it. */
  private static DerivationPipeline pipelineAtAgreedHead(RollupConfig config, List<String> log) throws IOException {
    DevnetFixture.Prepared prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    FileOracle oracle = new FileOracle(prepared.dataDir());
    DevnetFixture.Case c = prepared.basicSuccess();
    Header head = OracleReads.header(oracle, c.l2Head(), "L2");
    List<Bytes> txs = io.fpp4j.mpt.OrderedListWalker.walk(head.transactionsRoot(), OracleReads.trieNodes(oracle));
    byte[] info = DepositTransactionView.of(txs.get(0).toArray()).input();
    DerivationPipeline pipeline = new DerivationPipeline(config, new L1ChainProvider(oracle, c.l1Head()), new BlobProvider(oracle),
        MapSafeChain.empty(), L1InfoDeposit.CANCUN_BLOB_FRACTION, log::add);
    pipeline.reset(L2BlockRef.of(head, c.l2Head(), info), SystemConfig.fromL2Block(head, info, false));
    return pipeline;
  }

  private static RollupConfig devnetConfig(boolean holocene) throws IOException {
    DevnetFixture.Prepared prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readAllBytes(prepared.rollupConfig()));
    if (holocene) json.put("holocene_time", 0);
    return RollupConfig.fromJson(json);
  }

  /** Before Holocene an invalid payload drops its batch: nothing is pending any more, nothing replaces it. */
  @Test
  void anInvalidPayloadBeforeHoloceneDropsTheBatch() throws IOException {
    List<String> log = new ArrayList<>();
    DerivationPipeline pipeline = pipelineAtAgreedHead(devnetConfig(false), log);
    assertThatThrownBy(pipeline::invalidPayload).isInstanceOf(IllegalStateException.class);
    DerivationPipeline.Derived d = pipeline.next().orElseThrow();
    assertThat(pipeline.invalidPayload()).isEmpty();
    assertThat(log).anyMatch(m -> m.contains("payload for L2 block " + d.number() + " is invalid: its batch is dropped"));
    assertThatThrownBy(() -> pipeline.advance(Bytes32.ZERO)).isInstanceOf(IllegalStateException.class);
    assertThat(pipeline.safeHead().number()).isEqualTo(d.number() - 1);
  }

  /** From Holocene the same block is rebuilt from the attributes' deposits alone, and that is what advances. */
  @Test
  void anInvalidPayloadFromHoloceneIsReplacedByItsDeposits() throws IOException {
    List<String> log = new ArrayList<>();
    DerivationPipeline pipeline = pipelineAtAgreedHead(devnetConfig(true), log);
    DerivationPipeline.Derived d = pipeline.next().orElseThrow();
    DerivationPipeline.Derived deposits = pipeline.invalidPayload().orElseThrow();
    assertThat(deposits.number()).isEqualTo(d.number());
    assertThat(deposits.l1OriginHash()).isEqualTo(d.l1OriginHash());
    assertThat(deposits.attributes().transactions()).isNotEmpty().allMatch(t -> (t.get(0) & 0xff) == 0x7e);
    assertThat(pipeline.next()).contains(deposits);
    pipeline.advance(Bytes32.fromHex("0x" + "ab".repeat(32)));
    assertThat(pipeline.safeHead().number()).isEqualTo(d.number());
    assertThat(log).anyMatch(m -> m.contains("replaced by its deposits alone"));
  }

  /** The input of a deposit transaction's EIP-2718 encoding. */
  private record DepositTransactionView(byte[] input) {
    static DepositTransactionView of(byte[] encoded) {
      return new DepositTransactionView(((io.fpp4j.primitives.tx.DepositTransaction) io.fpp4j.primitives.tx.Transactions
          .decode2718(encoded)).input().toArray());
    }
  }
}
