package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Derivation on the real devnet run: the batcher's blobs in the L1 blocks of the data are decoded into frames, channels
 * and batches, and each L2 block's derived transactions must hash to the transactions root of the devnet's own block.
 */
class DevnetDerivationTest {
  private static DevnetFixture.Prepared prepared;
  private static RollupConfig config;
  private static FileOracle oracle;
  private static L1ChainProvider l1;
  private static final Map<Long, Header> l1Headers = new HashMap<>();
  private static final List<String> drops = new ArrayList<>();
  /** Every batch read, by L2 timestamp, as singular batches. */
  private static final Map<Long, SingularBatch> batches = new HashMap<>();

  @BeforeAll
  static void readL1() throws IOException {
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    config = RollupConfig.parse(Files.readAllBytes(prepared.rollupConfig()));
    oracle = new FileOracle(prepared.dataDir());
    l1 = new L1ChainProvider(oracle, prepared.basicSuccess().l1Head());
    Header h = l1.headerByHash(prepared.basicSuccess().l1Head());
    while (true) {
      l1Headers.put(h.number(), h);
      if (h.number() == config.genesis().l1().number()) break;
      h = l1.headerByHash(h.parentHash());
    }
    L1Retrieval retrieval = new L1Retrieval(config, l1, new BlobProvider(oracle), drops::add);
    ChannelBank bank = new ChannelBank(config, drops::add);
    SystemConfig sys = SystemConfig.genesis(config);
    // Reads L1 only until the claimed block's batch is in, as the program does (the data holds no more).
    long lastTime = config.genesis().l2Time() + 20 * config.blockTime();
    for (long n = config.genesis().l1().number() + 1; l1Headers.containsKey(n) && !batches.containsKey(lastTime); n++) {
      Header block = l1Headers.get(n);
      Bytes32 hash = block.hash();
      sys = SystemConfigUpdates.apply(config, sys, l1.receiptsByHash(hash), block.timestamp());
      for (byte[] data : retrieval.dataOf(block, hash, sys.batcher())) {
        List<Frame> frames;
        try {
          frames = Frame.parseAll(data);
        } catch (DerivationException e) {
          drops.add(e.getMessage());
          continue;
        }
        for (Frame f : frames) bank.ingest(f, n, block.timestamp());
      }
      for (byte[] channel : bank.readAll(n, block.timestamp())) {
        for (byte[] raw : ChannelReader.read(config, channel, block.timestamp())) {
          Batch batch = Batch.decode(raw, config.l2ChainId());
          for (SingularBatch s : toSingular(batch)) batches.putIfAbsent(s.timestamp(), s);
        }
      }
    }
  }

  private static List<SingularBatch> toSingular(Batch batch) {
    if (batch instanceof SingularBatch s) return List.of(s);
    SpanBatch span = (SpanBatch) batch;
    List<SingularBatch> out = new ArrayList<>();
    for (int i = 0; i < span.blockCount(); i++) {
      long epoch = span.epochNumber(i);
      out.add(new SingularBatch(Bytes32.ZERO, epoch, l1Headers.get(epoch).hash(),
          span.timestamp(i, config.genesis().l2Time(), config.blockTime()), span.transactions(i, config.l2ChainId())));
    }
    return out;
  }

  @Test
  void derivedTransactionsHashToTheDevnetBlocks() {
    Map<Long, Header> l2 = new HashMap<>();
    Header h = OracleReads.header(oracle, prepared.basicSuccess().l2Head(), "L2");
    while (true) {
      l2.put(h.number(), h);
      try {
        h = OracleReads.header(oracle, h.parentHash(), "L2");
      } catch (RuntimeException missing) {
        break;
      }
    }
    assertThat(l2).containsKeys(2L, 19L);
    assertThat(drops).isEmpty();

    AttributesBuilder builder = new AttributesBuilder(config, L1InfoDeposit.CANCUN_BLOB_FRACTION);
    L2BlockRef parent = new L2BlockRef(config.genesis().l2().hash(), 0, config.genesis().l2Time(),
        config.genesis().l1().number(), config.genesis().l1().hash(), 0);
    SystemConfig sys = SystemConfig.genesis(config);
    int checked = 0;
    for (long n = 1; n <= 20; n++) {
      long time = parent.timestamp() + config.blockTime();
      SingularBatch batch = batches.get(time);
      assertThat(batch).as("batch for L2 block %d (time %d)", n, time).isNotNull();
      if (!batch.parentHash().equals(Bytes32.ZERO)) assertThat(batch.parentHash()).isEqualTo(parent.hash());
      Header origin = l1Headers.get(batch.epochNumber());
      Bytes32 originHash = origin.hash();
      assertThat(originHash).isEqualTo(batch.epochHash());
      boolean newEpoch = origin.number() != parent.l1OriginNumber();
      AttributesBuilder.Built built = builder.build(parent, origin, originHash, sys,
          newEpoch ? l1.receiptsByHash(originHash) : null, batch.transactions());
      sys = built.systemConfig();
      Bytes32 root = OrderedTrie.root(built.attributes().transactions().stream().map(Bytes::toArray).toList());
      Bytes32 hash;
      if (l2.containsKey(n)) {
        assertThat(root).as("transactions root of L2 block %d", n).isEqualTo(l2.get(n).transactionsRoot());
        assertThat(built.attributes().gasLimit()).isEqualTo(l2.get(n).gasLimit());
        assertThat(built.attributes().prevRandao()).isEqualTo(l2.get(n).mixHash());
        assertThat(built.attributes().parentBeaconBlockRoot()).isEqualTo(l2.get(n).parentBeaconBlockRoot());
        hash = l2.get(n).hash();
        checked++;
      } else {
        hash = l2.containsKey(n + 1) ? l2.get(n + 1).parentHash() : Bytes32.ZERO;
      }
      parent = new L2BlockRef(hash, n, time, origin.number(), originHash, built.sequenceNumber());
    }
    assertThat(checked).isEqualTo(18);
  }
}
