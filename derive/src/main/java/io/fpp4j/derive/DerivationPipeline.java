package io.fpp4j.derive;

import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

/**
 * The derivation pipeline, stage by stage (derivation spec, "Derivation Pipeline"): L1 traversal from the reset
 * point to the L1 head, L1 retrieval, frames, the channel bank (Holocene: in-order assembly), the channel reader,
 * the batch queue ({@link BatchValidator}) and the attributes builder. One call to {@link #next} gives the attributes
 * of the block after the safe head, reading as much L1 as that needs; the caller executes them and reports the
 * block's hash with {@link #advance}, or, if the payload was invalid, asks {@link #invalidPayload} what replaces it.
 *
 * <p>Span batches are expanded into one batch per block once their prefix passes (span-batches spec, "Batch Queue");
 * each block after the safe head then passes the singular rules. A span that overlaps the safe chain (its first block
 * at or before the safe head) is checked against the L2 chain through {@link SafeChain}: its parent check against the
 * block just before its first block, whose L1 origin also bounds the span's first origin; and, before Holocene, each
 * overlapped block's L1 origin number and transactions against the chain's block at that height (Holocene drops those
 * full-span checks and keeps the prefix checks). The L2 chain is read only for such spans. From Holocene a dropped
 * batch (not a past one) also drops the rest of its channel.
 */
public final class DerivationPipeline {
  private final RollupConfig config;
  private final L1ChainProvider l1;
  private final SafeChain l2;
  private final L1Retrieval retrieval;
  private final LongUnaryOperator blobFractionAt;
  private final BatchValidator validator;
  private final Consumer<String> log;
  private ChannelBank bank;
  private HoloceneChannelAssembler holocene;

  /** L1 headers by number from the traversal's start to the head, read once by walking back from the head. */
  private final List<Header> l1Chain = new ArrayList<>();
  private final List<Bytes32> l1Hashes = new ArrayList<>();
  private long l1Start;
  /** The next L1 block number the traversal will read. */
  private long l1Next;
  private SystemConfig traversalConfig;
  private SystemConfig safeConfig;
  private L2BlockRef safeHead;
  private final List<Pending> batches = new ArrayList<>();
  private final Deque<Pending> spanBlocks = new ArrayDeque<>();
  private Built pendingBlock;

  /** Channels read so far, to tell which pending batches came from the same channel. */
  private long channelsRead;

  /**
   * A batch (or one block of an expanded span batch), the L1 block that completed its channel, and which channel that
   * was (for Holocene's fast channel invalidation).
   */
  private record Pending(Batch batch, long inclusion, long channel) {}

  /** What {@link #next} derived: the attributes, and the block they will make (its hash is known after execution). */
  public record Derived(PayloadAttributes attributes, long number, long l1OriginNumber, Bytes32 l1OriginHash,
                        long sequenceNumber, boolean fromEmptyBatch) {}

  private record Built(Derived derived, SystemConfig config) {}

  /** A pipeline for an L1 chain with one blob base-fee update fraction throughout. */
  public DerivationPipeline(RollupConfig config, L1ChainProvider l1, BlobProvider blobs, SafeChain l2, long blobFraction,
      Consumer<String> log) {
    this(config, l1, blobs, l2, time -> blobFraction, log);
  }

  /**
   * @param l2 the L2 chain at or before the safe head, read only to judge span batches that overlap it
   * @param blobFractionAt the L1 chain's blob base-fee update fraction at an L1 origin's time (it changes at the L1
   *     chain's Prague activation), for the L1-info deposit's blob base fee
   */
  public DerivationPipeline(RollupConfig config, L1ChainProvider l1, BlobProvider blobs, SafeChain l2,
      LongUnaryOperator blobFractionAt, Consumer<String> log) {
    this.config = Objects.requireNonNull(config, "config");
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.l2 = Objects.requireNonNull(l2, "l2");
    this.log = Objects.requireNonNull(log, "log");
    this.blobFractionAt = Objects.requireNonNull(blobFractionAt, "blobFractionAt");
    this.retrieval = new L1Retrieval(config, l1, blobs, log);
    this.validator = new BatchValidator(config, log);
    this.bank = new ChannelBank(config, log);
    this.holocene = new HoloceneChannelAssembler(config, log);
  }

  /**
   * Starts derivation after {@code safeHead}, whose system config is {@code safeConfig}. L1 is read from the safe
   * head's L1 origin less the channel timeout (not before the rollup's L1 genesis), so that channels opened before the
   * origin are seen; batches for blocks at or before the safe head are then dropped as past.
   */
  public void reset(L2BlockRef safeHead, SystemConfig safeConfig) {
    this.safeHead = Objects.requireNonNull(safeHead, "safeHead");
    this.safeConfig = Objects.requireNonNull(safeConfig, "safeConfig");
    long timeout = config.channelTimeout(safeHead.timestamp());
    l1Start = Math.max(config.genesis().l1().number(), safeHead.l1OriginNumber() - Math.min(timeout, safeHead.l1OriginNumber()));
    l1Chain.clear();
    l1Hashes.clear();
    Header h = l1.headerByHash(l1.l1Head());
    Bytes32 hash = l1.l1Head();
    if (h.number() < safeHead.l1OriginNumber()) {
      throw new DerivationException("the L1 head " + hash + " (number " + h.number() + ") is before the safe head's L1 origin "
          + safeHead.l1OriginNumber());
    }
    List<Header> back = new ArrayList<>();
    List<Bytes32> backHashes = new ArrayList<>();
    while (true) {
      back.add(h);
      backHashes.add(hash);
      if (h.number() <= l1Start) break;
      hash = h.parentHash();
      h = l1.headerByHash(hash);
    }
    for (int i = back.size() - 1; i >= 0; i--) {
      l1Chain.add(back.get(i));
      l1Hashes.add(backHashes.get(i));
    }
    l1Start = l1Chain.get(0).number();
    if (safeHead.l1OriginNumber() < l1Start || !hashOf(safeHead.l1OriginNumber()).equals(safeHead.l1OriginHash())) {
      throw new DerivationException("the safe head's L1 origin " + safeHead.l1OriginHash() + " is not on the chain of L1 head " + l1.l1Head());
    }
    // The traversal's config starts at the safe head's; updates in blocks up to its origin are already in it.
    traversalConfig = safeConfig;
    l1Next = l1Start;
    batches.clear();
    spanBlocks.clear();
    bank = new ChannelBank(config, log);
    holocene = new HoloceneChannelAssembler(config, log);
    pendingBlock = null;
  }

  public L2BlockRef safeHead() {
    return safeHead;
  }

  /** The L1 block number derivation has read up to (exclusive). */
  public long l1Progress() {
    return l1Next;
  }

  /**
   * The attributes of the block after the safe head, or empty if L1 up to the head holds no batch for it (and its
   * sequencing window has not passed).
   */
  public Optional<Derived> next() {
    if (safeHead == null) throw new IllegalStateException("reset the pipeline first");
    if (pendingBlock != null) return Optional.of(pendingBlock.derived());
    while (true) {
      Optional<SingularBatch> batch = nextBatch();
      if (batch.isPresent()) {
        pendingBlock = build(batch.get(), false);
        return Optional.of(pendingBlock.derived());
      }
      if (windowExpired()) {
        Header next = header(safeHead.l1OriginNumber() + 1);
        BatchValidator.L1Ref nextRef = next == null ? null : ref(safeHead.l1OriginNumber() + 1);
        pendingBlock = build(validator.emptyBatch(safeHead, ref(safeHead.l1OriginNumber()), nextRef), true);
        return Optional.of(pendingBlock.derived());
      }
      if (!readL1Block()) return Optional.empty();
    }
  }

  /**
   * The engine found the payload from the last {@link #next} invalid. Before Holocene the batch is dropped and
   * derivation looks for another for the same block (empty is returned; call {@link #next} again). From Holocene
   * ("Steady Block Derivation") the block is made of the attributes' deposits alone, which is returned to execute in
   * its place, and the rest of the span batch and of the channel it came from are flushed.
   */
  public Optional<Derived> invalidPayload() {
    if (pendingBlock == null) throw new IllegalStateException("no derived block to replace");
    Derived d = pendingBlock.derived();
    if (!config.isActive(Hardfork.HOLOCENE, d.attributes().timestamp())) {
      log.accept("payload for L2 block " + d.number() + " is invalid: its batch is dropped");
      pendingBlock = null;
      return Optional.empty();
    }
    log.accept("payload for L2 block " + d.number() + " is invalid: replaced by its deposits alone, the channel is flushed");
    spanBlocks.clear();
    batches.clear();
    Derived depositsOnly = new Derived(BatchValidator.depositsOnly(d.attributes()), d.number(), d.l1OriginNumber(),
        d.l1OriginHash(), d.sequenceNumber(), d.fromEmptyBatch());
    pendingBlock = new Built(depositsOnly, pendingBlock.config());
    return Optional.of(depositsOnly);
  }

  /** Records that the block from the last {@link #next} was executed with {@code hash}; it is the new safe head. */
  public void advance(Bytes32 hash) {
    if (pendingBlock == null) throw new IllegalStateException("no derived block to advance to");
    Derived d = pendingBlock.derived();
    safeHead = new L2BlockRef(hash, d.number(), d.attributes().timestamp(), d.l1OriginNumber(), d.l1OriginHash(), d.sequenceNumber());
    safeConfig = pendingBlock.config();
    pendingBlock = null;
  }

  private Built build(SingularBatch batch, boolean empty) {
    Header origin = header(batch.epochNumber());
    Bytes32 originHash = hashOf(batch.epochNumber());
    boolean newEpoch = batch.epochNumber() != safeHead.l1OriginNumber();
    AttributesBuilder attributes = new AttributesBuilder(config, blobFractionAt.applyAsLong(origin.timestamp()));
    AttributesBuilder.Built b = attributes.build(safeHead, origin, originHash, safeConfig,
        newEpoch ? l1.receiptsByHash(originHash) : null, batch.transactions());
    Derived d = new Derived(b.attributes(), safeHead.number() + 1, origin.number(), originHash, b.sequenceNumber(), empty);
    return new Built(d, b.systemConfig());
  }

  /**
   * The trigger for empty batches: the L1 block that ends the safe head's epoch's sequencing window (its epoch plus
   * the window size) has been read whole without a batch for the next block. op-node's batch queue and Kona's force
   * empty batches at that point, before reading the next L1 block.
   */
  private boolean windowExpired() {
    return l1Next - 1 >= safeHead.l1OriginNumber() + config.seqWindowSize();
  }

  /** The batch queue: the first acceptable batch for the next block, dropping what the rules drop. */
  private Optional<SingularBatch> nextBatch() {
    List<BatchValidator.L1Ref> epochs = new ArrayList<>();
    epochs.add(ref(safeHead.l1OriginNumber()));
    if (header(safeHead.l1OriginNumber() + 1) != null && safeHead.l1OriginNumber() + 1 < l1Next) {
      epochs.add(ref(safeHead.l1OriginNumber() + 1));
    }
    while (!spanBlocks.isEmpty()) {
      Pending p = spanBlocks.peekFirst();
      SingularBatch b = (SingularBatch) p.batch();
      SingularBatch onHead = new SingularBatch(safeHead.hash(), b.epochNumber(), b.epochHash(), b.timestamp(), b.transactions());
      // Judged against the L1 block that included the span batch, not the latest read: the sequencing window and
      // Holocene's rules are about inclusion.
      BatchValidity v = validator.check(safeHead, epochs, ref(p.inclusion()), onHead);
      if (v == BatchValidity.UNDECIDED) return Optional.empty();
      spanBlocks.removeFirst();
      if (v == BatchValidity.ACCEPT) return Optional.of(onHead);
      if (v == BatchValidity.DROP) {
        spanBlocks.clear(); // a span's later blocks cannot stand without this one
        invalidateChannel(p);
      }
    }
    for (Iterator<Pending> it = batches.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.batch() instanceof SpanBatch span) {
        Optional<List<SingularBatch>> blocks = expand(span, p.inclusion());
        if (blocks == null) continue; // undecided: its last origin is not read yet
        it.remove();
        if (blocks.isEmpty()) invalidateChannel(p);
        else for (SingularBatch b : blocks.get()) spanBlocks.add(new Pending(b, p.inclusion(), p.channel()));
        return nextBatch();
      }
      SingularBatch s = (SingularBatch) p.batch();
      BatchValidity v = validator.check(safeHead, epochs, ref(p.inclusion()), s);
      switch (v) {
        case ACCEPT -> {
          it.remove();
          return Optional.of(s);
        }
        case DROP -> {
          it.remove();
          if (invalidateChannel(p)) return nextBatch();
        }
        case PAST -> it.remove();
        case FUTURE, UNDECIDED -> { }
      }
    }
    return Optional.empty();
  }

  /**
   * Holocene's fast channel invalidation (holocene/derivation.md): a dropped batch, by the time of the L1 block that
   * included it, also drops what is left of the channel it came from; a past one does not. True if it applied.
   */
  private boolean invalidateChannel(Pending dropped) {
    if (!config.isActive(Hardfork.HOLOCENE, header(dropped.inclusion()).timestamp())) return false;
    int before = batches.size();
    batches.removeIf(p -> p.channel() == dropped.channel());
    if (batches.size() < before) {
      log.accept("dropping the " + (before - batches.size()) + " batches left in the channel of a dropped batch (Holocene)");
    }
    return true;
  }

  /**
   * A span batch's blocks after the safe head as singular batches (none if, from Holocene, it is past), empty to
   * drop it, or null while undecided. The prefix rules of the span-batches spec, in its order, judged by the L1
   * block that included the batch: Delta at the batch origin; future (Holocene: drop) or past (Holocene: past, else
   * drop); the parent check against the span's parent, the safe head or, for a span overlapping the safe chain, the
   * block just before its first; the sequencing window; the first block's L1 origin at most one after the parent's
   * and not before it; the L1 origin check against the last block's origin. Before Holocene an overlapping span's
   * overlapped blocks must then match the chain's own blocks.
   */
  private Optional<List<SingularBatch>> expand(SpanBatch span, long inclusion) {
    long blockTime = config.blockTime();
    long start = span.timestamp(0, config.genesis().l2Time(), blockTime);
    long end = span.timestamp(span.blockCount() - 1, config.genesis().l2Time(), blockTime);
    long next = safeHead.timestamp() + blockTime;
    boolean holocene = config.isActive(Hardfork.HOLOCENE, header(inclusion).timestamp());
    long startEpoch = span.epochNumber(0);
    // The span batch activation rule: the batch origin (the safe head's epoch, or the next one if the span's first
    // block moves to it, undecided until that L1 block is read) must be at or after Delta.
    long batchOrigin = safeHead.l1OriginNumber();
    if (startEpoch == batchOrigin + 1) {
      if (batchOrigin + 1 >= l1Next) return null;
      batchOrigin++;
    }
    if (!config.isActive(Hardfork.DELTA, header(batchOrigin).timestamp())) return dropSpan("span batch with an L1 origin before Delta");
    if (Long.compareUnsigned(start, next) > 0) {
      if (holocene) return dropSpan("span batch starts after the next block (Holocene)");
      return null;
    }
    if (Long.compareUnsigned(end, next) < 0) {
      if (holocene) {
        log.accept("span batch ends before the next block: past");
        return Optional.of(List.of());
      }
      return dropSpan("span batch ends before the next block");
    }
    // The span's parent: the safe head, unless the span overlaps the safe chain; then the block just before its first.
    L2BlockRef parent = safeHead;
    long overlapped = 0;
    if (Long.compareUnsigned(start, next) < 0) {
      if (Long.compareUnsigned(start, safeHead.timestamp()) > 0) return dropSpan("span batch starts between the safe head and the next block");
      long behind = safeHead.timestamp() - start;
      if (Long.remainderUnsigned(behind, blockTime) != 0) return dropSpan("span batch is not aligned to the block time");
      overlapped = Long.divideUnsigned(behind, blockTime) + 1;
      if (Long.compareUnsigned(overlapped, safeHead.number() - config.genesis().l2().number()) > 0) {
        return dropSpan("span batch starts at or before the L2 genesis: no L2 block before it");
      }
      parent = l2.block(safeHead.number() - overlapped).ref();
    }
    if (!Bytes.of(parent.hash().toArray(), 0, 20).equals(span.parentCheck())) {
      return dropSpan("span batch parent check does not match L2 block " + parent.number() + " " + parent.hash()
          + (parent == safeHead ? " (the safe head)" : " (before the span's first block)"));
    }
    if (startEpoch + config.seqWindowSize() < inclusion) return dropSpan("span batch included after its sequencing window");
    if (startEpoch > parent.l1OriginNumber() + 1) {
      return dropSpan("span batch's first L1 origin " + startEpoch + " is more than one after its parent's " + parent.l1OriginNumber());
    }
    // The last origin must be one of the L1 blocks from the safe head's epoch on that have been read.
    if (span.l1OriginNumber() < safeHead.l1OriginNumber() || span.l1OriginNumber() >= l1Next) return null;
    if (!Bytes.of(hashOf(span.l1OriginNumber()).toArray(), 0, 20).equals(span.l1OriginCheck())) {
      return dropSpan("span batch L1 origin check does not match L1 block " + span.l1OriginNumber());
    }
    if (startEpoch < parent.l1OriginNumber()) {
      return dropSpan("span batch's first L1 origin " + startEpoch + " is before its parent's " + parent.l1OriginNumber());
    }
    List<SingularBatch> out = new ArrayList<>();
    for (int i = 0; i < span.blockCount(); i++) {
      long t = span.timestamp(i, config.genesis().l2Time(), blockTime);
      if (Long.compareUnsigned(t, next) < 0) continue;
      long epoch = span.epochNumber(i);
      if (epoch < l1Start || epoch >= l1Next) return dropSpan("span batch block " + i + " has an L1 origin " + epoch + " outside the read L1 range");
      out.add(new SingularBatch(safeHead.hash(), epoch, hashOf(epoch), t, span.transactions(i, config.l2ChainId())));
    }
    if (!holocene) {
      for (int i = 0; i < overlapped; i++) {
        String mismatch = overlapMismatch(span, i, l2.block(parent.number() + 1 + i));
        if (mismatch != null) return dropSpan(mismatch);
      }
    }
    return Optional.of(out);
  }

  /** Why block {@code i} of a span differs from the safe chain's block at its height, or null if it matches. */
  private String overlapMismatch(SpanBatch span, int i, SafeChain.Block safe) {
    long number = safe.ref().number();
    if (span.epochNumber(i) != safe.ref().l1OriginNumber()) {
      return "span batch block " + i + " has L1 origin " + span.epochNumber(i) + " but the safe chain's L2 block " + number
          + " has " + safe.ref().l1OriginNumber();
    }
    List<Bytes> txs = span.transactions(i, config.l2ChainId());
    if (!txs.equals(safe.userTransactions())) {
      return "span batch block " + i + " has " + txs.size() + " transactions that differ from the " + safe.userTransactions().size()
          + " non-deposit transactions of the safe chain's L2 block " + number;
    }
    return null;
  }

  private Optional<List<SingularBatch>> dropSpan(String reason) {
    log.accept("dropping span batch: " + reason);
    return Optional.empty();
  }

  /** L1 traversal plus everything up to the batch queue for one L1 block; false at the L1 head. */
  private boolean readL1Block() {
    Header block = header(l1Next);
    if (block == null) return false;
    Bytes32 hash = hashOf(l1Next);
    if (l1Next > safeHead.l1OriginNumber()) {
      traversalConfig = SystemConfigUpdates.apply(config, traversalConfig, l1.receiptsByHash(hash), block.timestamp());
    }
    boolean holoceneActive = config.isActive(Hardfork.HOLOCENE, block.timestamp());
    for (byte[] data : retrieval.dataOf(block, hash, traversalConfig.batcher())) {
      List<Frame> frames;
      try {
        frames = Frame.parseAll(data);
      } catch (DerivationException e) {
        log.accept("dropping batcher transaction in L1 block " + block.number() + ": " + e.getMessage());
        continue;
      }
      for (Frame f : frames) {
        if (holoceneActive) {
          holocene.ingest(f, block.number(), block.timestamp()).ifPresent(ch -> readChannel(ch, block));
        } else {
          bank.ingest(f, block.number(), block.timestamp());
        }
      }
    }
    if (!holoceneActive) for (byte[] ch : bank.readAll(block.number(), block.timestamp())) readChannel(ch, block);
    l1Next++;
    return true;
  }

  private void readChannel(byte[] channel, Header block) {
    long id = ++channelsRead;
    List<byte[]> raw;
    try {
      raw = ChannelReader.read(config, channel, block.timestamp());
    } catch (DerivationException e) {
      log.accept("dropping channel read in L1 block " + block.number() + ": " + e.getMessage());
      return;
    }
    for (byte[] b : raw) {
      try {
        batches.add(new Pending(Batch.decode(b, config.l2ChainId()), block.number(), id));
      } catch (DerivationException e) {
        // The first batch that does not decode ends the channel, as op-node's and Kona's channel readers move to
        // the next channel on a read error. Reading on would also let a small channel that inflates to millions of
        // one-byte items cost one failed decode each.
        log.accept("dropping the rest of the channel read in L1 block " + block.number() + " at a batch that does not decode: "
            + e.getMessage());
        return;
      }
    }
  }

  private Header header(long number) {
    long i = number - l1Start;
    return i < 0 || i >= l1Chain.size() ? null : l1Chain.get((int) i);
  }

  private Bytes32 hashOf(long number) {
    long i = number - l1Start;
    if (i < 0 || i >= l1Hashes.size()) throw new DerivationException("L1 block " + number + " is outside the traversed range");
    return l1Hashes.get((int) i);
  }

  private BatchValidator.L1Ref ref(long number) {
    Header h = header(number);
    if (h == null) throw new DerivationException("L1 block " + number + " is outside the traversed range");
    return new BatchValidator.L1Ref(number, hashOf(number), h.timestamp());
  }
}
