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
  /** The L1 block that completed each batch's channel, by L2 timestamp. */
  private static final Map<Long, Long> inclusion = new HashMap<>();
  /** The batcher data of every L1 block read, in order, for the corruption test. */
  private static final List<Map.Entry<Long, byte[]>> batcherData = new ArrayList<>();

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
        batcherData.add(Map.entry(n, data));
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
          for (SingularBatch s : toSingular(batch)) {
            if (batches.putIfAbsent(s.timestamp(), s) == null) inclusion.put(s.timestamp(), n);
          }
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

  private static BatchValidator.L1Ref ref(Header h) {
    return new BatchValidator.L1Ref(h.number(), h.hash(), h.timestamp());
  }

  @Test
  void corruptedBatcherDataIsDroppedAndDerivationGoesOn() {
    // Replays the batcher data read from L1, each item preceded by two corrupted copies of it: one cut short (its
    // last frame truncated) and one whose first frame's is_last byte is 2. Both are dropped whole, as the spec says
    // for a transaction with any malformed frame, and the same batches come out.
    List<String> dropped = new ArrayList<>();
    ChannelBank bank = new ChannelBank(config, dropped::add);
    Map<Long, SingularBatch> replayed = new HashMap<>();
    int corrupted = 0;
    for (Map.Entry<Long, byte[]> item : batcherData) {
      Header block = l1Headers.get(item.getKey());
      byte[] data = item.getValue();
      byte[] truncated = java.util.Arrays.copyOf(data, data.length - 1);
      byte[] badFlag = data.clone();
      int firstLength = java.nio.ByteBuffer.wrap(data, 1 + 16 + 2, 4).getInt();
      badFlag[1 + 16 + 2 + 4 + firstLength] = 2;
      for (byte[] candidate : List.of(truncated, badFlag, data)) {
        try {
          for (Frame f : Frame.parseAll(candidate)) bank.ingest(f, block.number(), block.timestamp());
        } catch (DerivationException e) {
          dropped.add(e.getMessage());
          corrupted++;
        }
      }
      for (byte[] channel : bank.readAll(block.number(), block.timestamp())) {
        for (byte[] raw : ChannelReader.read(config, channel, block.timestamp())) {
          for (SingularBatch s : toSingular(Batch.decode(raw, config.l2ChainId()))) replayed.putIfAbsent(s.timestamp(), s);
        }
      }
    }
    assertThat(corrupted).isEqualTo(2 * batcherData.size());
    assertThat(dropped).hasSize(corrupted).anyMatch(m -> m.contains("is_last 2")).anyMatch(m -> m.contains("truncated")
        || m.contains("follow"));
    assertThat(replayed).isEqualTo(batches);
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
    List<String> validatorLog = new ArrayList<>();
    BatchValidator validator = new BatchValidator(config, validatorLog::add);
    L2BlockRef parent = new L2BlockRef(config.genesis().l2().hash(), 0, config.genesis().l2Time(),
        config.genesis().l1().number(), config.genesis().l1().hash(), 0);
    SystemConfig sys = SystemConfig.genesis(config);
    int checked = 0;
    for (long n = 1; n <= 20; n++) {
      long time = parent.timestamp() + config.blockTime();
      SingularBatch batch = batches.get(time);
      assertThat(batch).as("batch for L2 block %d (time %d)", n, time).isNotNull();
      if (!batch.parentHash().equals(Bytes32.ZERO)) assertThat(batch.parentHash()).isEqualTo(parent.hash());
      Header parentEpoch = l1Headers.get(parent.l1OriginNumber());
      Header nextEpoch = l1Headers.get(parent.l1OriginNumber() + 1);
      Header included = l1Headers.get(inclusion.get(time));
      assertThat(validator.check(parent, List.of(ref(parentEpoch), ref(nextEpoch)), ref(included), batch))
          .as("batch of L2 block %d: %s", n, validatorLog).isEqualTo(BatchValidity.ACCEPT);
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
    assertThat(batches).hasSizeGreaterThanOrEqualTo(20);
  }
}
