package io.fpp4j.client;

import io.fpp4j.derive.AttributesBuilder;
import io.fpp4j.derive.Batch;
import io.fpp4j.derive.BatchValidator;
import io.fpp4j.derive.BatchValidity;
import io.fpp4j.derive.ChannelBank;
import io.fpp4j.derive.ChannelReader;
import io.fpp4j.derive.DerivationException;
import io.fpp4j.derive.Frame;
import io.fpp4j.derive.HoloceneChannelAssembler;
import io.fpp4j.derive.L1InfoDeposit;
import io.fpp4j.derive.L1Retrieval;
import io.fpp4j.derive.L2BlockRef;
import io.fpp4j.derive.SingularBatch;
import io.fpp4j.derive.SpanBatch;
import io.fpp4j.derive.SystemConfig;
import io.fpp4j.derive.SystemConfigUpdates;
import io.fpp4j.executor.BlockExecutionException;
import io.fpp4j.executor.BlockExecutor;
import io.fpp4j.executor.ExecutionResult;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.BootInfo;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.proof.l2.L2ChainProvider;
import io.fpp4j.proof.output.AgreedOutput;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The program's logic, as the fault-proof program spec and kona-client lay it out: from the agreed output find the
 * safe head, derive L2 blocks from L1 (up to the boot L1 head) and execute them one by one until the claimed block,
 * then compare that block's output root with the claim.
 *
 * <p>Derivation walks L1 from a channel timeout before the safe head's L1 origin (so channels opened before the
 * origin are read whole, as kona's pipeline cursor does), through retrieval, frames, the channel bank (Holocene's
 * assembler once active), the channel reader and the batch queue's validation; batches for blocks already behind
 * the safe head are dropped by the validator.
 */
public final class ProofDriver {
  private final BootInfo boot;
  private final OracleClient oracle;
  private final Dialect dialect;
  private final PrintStream out;
  private final Consumer<String> dropLog;
  private final RollupConfig config;

  /** One derived block, for the caller's log and the tests. */
  public record DerivedBlock(long number, Bytes32 hash) {}

  /** How the run ended: the output root computed for the claimed block (or the agreed one) and the blocks derived. */
  public record Outcome(Bytes32 outputRoot, long blockNumber, List<DerivedBlock> derived, boolean claimHolds) {}

  public ProofDriver(BootInfo boot, OracleClient oracle, Dialect dialect, PrintStream out, Consumer<String> dropLog) {
    this.boot = Objects.requireNonNull(boot, "boot");
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.out = Objects.requireNonNull(out, "out");
    this.dropLog = Objects.requireNonNull(dropLog, "dropLog");
    this.config = boot.rollupConfig();
  }

  public Outcome run() {
    Bytes32 safeHash = AgreedOutput.read(oracle, boot.agreedL2OutputRoot(), dialect, OptionalLong.empty()).blockHash();
    L2ChainProvider l2 = L2ChainProvider.builder(oracle, safeHash, dialect).config(config).build();
    SafeHead safe = SafeHead.of(config, l2.blockByHash(safeHash));
    out.printf("agreed L2 block %d %s, L1 origin %d%n", safe.ref().number(), safe.ref().hash(), safe.ref().l1OriginNumber());
    L2State state = new L2State(l2);

    // Trace extension: a claim at or below the agreed block is about the agreed output itself.
    if (Long.compareUnsigned(boot.claimedL2BlockNumber(), safe.ref().number()) <= 0) {
      out.printf("claimed block %d is at or below the agreed block %d: checking the agreed output%n",
          boot.claimedL2BlockNumber(), safe.ref().number());
      Bytes32 root = boot.agreedL2OutputRoot();
      return new Outcome(root, safe.ref().number(), List.of(), root.equals(boot.claimedL2OutputRoot()));
    }

    L1ChainProvider l1 = new L1ChainProvider(oracle, boot.l1Head());
    Map<Long, Header> l1Headers = l1Window(l1, safe);
    Derivation d = deriveAndExecute(l1, l1Headers, safe, state);
    List<DerivedBlock> derived = d.blocks();
    Header lastHeader = d.last();
    // L1 up to the boot L1 head may not reach the claimed block: as kona-client and op-program do, the claim is then
    // checked against the last block derived (the agreed one if none), which cannot match an honest claim.
    Bytes32 root = derived.isEmpty() ? boot.agreedL2OutputRoot()
        : state.outputRoot(lastHeader, config.isIsthmusActive(lastHeader.timestamp()));
    out.printf("output root of L2 block %d: %s%n", lastHeader.number(), root);
    if (lastHeader.number() != boot.claimedL2BlockNumber()) {
      out.printf("L1 data up to the L1 head derives only up to L2 block %d, not the claimed %d%n",
          lastHeader.number(), boot.claimedL2BlockNumber());
    }
    return new Outcome(root, lastHeader.number(), derived, root.equals(boot.claimedL2OutputRoot()));
  }

  /** L1 headers by number from the derivation start to the L1 head, read once by walking back from the head. */
  private Map<Long, Header> l1Window(L1ChainProvider l1, SafeHead safe) {
    long timeout = config.channelTimeout(safe.ref().timestamp());
    long start = Math.max(config.genesis().l1().number(), safe.ref().l1OriginNumber() - Math.min(timeout, safe.ref().l1OriginNumber()));
    Map<Long, Header> headers = new HashMap<>();
    Header h = l1.headerByHash(boot.l1Head());
    if (h.number() < safe.ref().l1OriginNumber()) {
      throw new ClientException("the boot L1 head " + boot.l1Head() + " (number " + h.number()
          + ") is before the agreed block's L1 origin " + safe.ref().l1OriginNumber());
    }
    while (true) {
      headers.put(h.number(), h);
      if (h.number() <= start) break;
      h = l1.headerByHash(h.parentHash());
    }
    Header origin = headers.get(safe.ref().l1OriginNumber());
    if (!origin.hash().equals(safe.ref().l1OriginHash())) {
      throw new ClientException("the agreed block's L1 origin " + safe.ref().l1OriginHash() + " is not on the chain of the boot L1 head (block "
          + origin.number() + " there is " + origin.hash() + ")");
    }
    return headers;
  }

  /** A batch read from L1, with the L1 block that completed its channel. */
  private record Pending(SingularBatch batch, Header inclusion, Bytes spanParentCheck, boolean fromSpan) {}

  /** The blocks derived and the last block's header (the agreed block's if none was derived). */
  private record Derivation(List<DerivedBlock> blocks, Header last) {}

  private Derivation deriveAndExecute(L1ChainProvider l1, Map<Long, Header> l1Headers, SafeHead start, L2State state) {
    L1Retrieval retrieval = new L1Retrieval(config, l1, new BlobProvider(oracle), dropLog);
    ChannelBank bank = new ChannelBank(config, dropLog);
    HoloceneChannelAssembler holocene = new HoloceneChannelAssembler(config, dropLog);
    BatchValidator validator = new BatchValidator(config, dropLog);
    List<Pending> pending = new ArrayList<>();
    List<DerivedBlock> derived = new ArrayList<>();

    L2BlockRef safe = start.ref();
    Header safeHeader = start.header();
    SystemConfig sys = start.systemConfig();
    SystemConfig traversalSys = sys;
    long first = l1Headers.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
    long head = l1Headers.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();

    for (long n = first; n <= head && safe.number() < boot.claimedL2BlockNumber(); n++) {
      Header block = l1Headers.get(n);
      Bytes32 blockHash = block.hash();
      // Blocks up to the safe head's origin were already applied to the safe head's system config.
      if (n > start.ref().l1OriginNumber()) {
        traversalSys = SystemConfigUpdates.apply(config, traversalSys, l1.receiptsByHash(blockHash), block.timestamp());
      }
      boolean holoceneActive = config.isActive(Hardfork.HOLOCENE, block.timestamp());
      List<byte[]> channels = new ArrayList<>();
      for (byte[] data : retrieval.dataOf(block, blockHash, traversalSys.batcher())) {
        List<Frame> frames;
        try {
          frames = Frame.parseAll(data);
        } catch (DerivationException e) {
          dropLog.accept("L1 block " + n + ": batcher data dropped: " + e.getMessage());
          continue;
        }
        for (Frame f : frames) {
          if (holoceneActive) holocene.ingest(f, n, block.timestamp()).ifPresent(channels::add);
          else bank.ingest(f, n, block.timestamp());
        }
      }
      if (!holoceneActive) channels.addAll(bank.readAll(n, block.timestamp()));
      for (byte[] channel : channels) readBatches(channel, block, l1Headers, pending);

      // Derive every block the L1 data read so far decides.
      while (safe.number() < boot.claimedL2BlockNumber()) {
        Header epoch = l1Headers.get(safe.l1OriginNumber());
        List<BatchValidator.L1Ref> refs = new ArrayList<>();
        for (long e = safe.l1OriginNumber(); e <= n; e++) refs.add(ref(l1Headers.get(e)));
        SingularBatch chosen = null;
        boolean undecided = false;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext() && chosen == null; ) {
          Pending p = it.next();
          SingularBatch b = p.batch();
          if (p.fromSpan()) {
            if (p.spanParentCheck() != null && b.timestamp() == safe.timestamp() + config.blockTime()
                && !Arrays.equals(p.spanParentCheck().toArray(), Arrays.copyOf(safe.hash().toArray(), 20))) {
              dropLog.accept("span batch parent check " + p.spanParentCheck() + " does not match the safe head " + safe.hash());
              it.remove();
              continue;
            }
            b = new SingularBatch(safe.hash(), b.epochNumber(), b.epochHash(), b.timestamp(), b.transactions());
          }
          BatchValidity v = validator.check(safe, refs, ref(p.inclusion()), b);
          switch (v) {
            case ACCEPT -> {
              chosen = b;
              it.remove();
            }
            case DROP, PAST -> it.remove();
            case FUTURE -> { }
            case UNDECIDED -> undecided = true;
          }
          if (undecided) break;
        }
        if (chosen == null && !undecided && epoch.number() + config.seqWindowSize() <= n
            && l1Headers.containsKey(epoch.number() + 1)) {
          // The sequencing window has passed without a batch for the next block: derivation makes an empty one.
          chosen = validator.emptyBatch(safe, ref(epoch), ref(l1Headers.get(epoch.number() + 1)));
          dropLog.accept("no batch for L2 time " + chosen.timestamp() + " within the sequencing window: empty batch");
        }
        if (chosen == null) break;

        Header origin = l1Headers.get(chosen.epochNumber());
        boolean newEpoch = origin.number() != safe.l1OriginNumber();
        AttributesBuilder builder = new AttributesBuilder(config, blobFraction(origin.timestamp()));
        AttributesBuilder.Built built = builder.build(safe, origin, origin.hash(), sys,
            newEpoch ? l1.receiptsByHash(origin.hash()) : null, chosen.transactions());
        ExecutionResult result = execute(state, safeHeader, built.attributes());
        if (result == null) continue; // the payload was invalid before Holocene: the batch is dropped
        Header h = result.header();
        state.addHeader(h);
        sys = built.systemConfig();
        safeHeader = h;
        safe = new L2BlockRef(h.hash(), h.number(), h.timestamp(), origin.number(), origin.hash(), built.sequenceNumber());
        derived.add(new DerivedBlock(h.number(), h.hash()));
        out.printf("derived L2 block %d %s (parent %s, %d transactions, L1 origin %d)%n", h.number(), h.hash(),
            h.parentHash(), built.attributes().transactions().size(), origin.number());
      }
    }
    return new Derivation(derived, safeHeader);
  }

  /**
   * Executes one block; an invalid payload is replaced by its deposits alone from Holocene, and dropped before.
   * A missing preimage is never an invalid payload: it stops the program.
   */
  private ExecutionResult execute(L2State state, Header parent, PayloadAttributes attrs) {
    try {
      return executor(state, parent).execute(parent, attrs, state.nodeSink());
    } catch (BlockExecutionException e) {
      rethrowIfHostFailure(e);
      if (!config.isActive(Hardfork.HOLOCENE, attrs.timestamp())) {
        dropLog.accept("payload for L2 time " + attrs.timestamp() + " is invalid, batch dropped: " + e.getMessage());
        return null;
      }
      dropLog.accept("payload for L2 time " + attrs.timestamp() + " is invalid, deposits only: " + e.getMessage());
      return executor(state, parent).execute(parent, BatchValidator.depositsOnly(attrs), state.nodeSink());
    }
  }

  private BlockExecutor executor(L2State state, Header parent) {
    return new BlockExecutor(config, state.sourceFor(parent), state.hintsFor(parent));
  }

  private static void rethrowIfHostFailure(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PreimageOracleException p) throw p;
    }
  }

  private void readBatches(byte[] channel, Header inclusion, Map<Long, Header> l1Headers, List<Pending> pending) {
    List<byte[]> raws;
    try {
      raws = ChannelReader.read(config, channel, inclusion.timestamp());
    } catch (DerivationException e) {
      dropLog.accept("channel completed in L1 block " + inclusion.number() + " dropped: " + e.getMessage());
      return;
    }
    for (byte[] raw : raws) {
      Batch batch;
      try {
        batch = Batch.decode(raw, config.l2ChainId());
      } catch (DerivationException | IllegalArgumentException e) {
        // As in DerivationPipeline: the first batch that does not decode ends the channel (op-node, Kona).
        dropLog.accept("rest of the channel completed in L1 block " + inclusion.number() + " dropped at a batch that "
            + "does not decode: " + e.getMessage());
        return;
      }
      if (batch instanceof SingularBatch s) {
        pending.add(new Pending(s, inclusion, null, false));
        continue;
      }
      SpanBatch span = (SpanBatch) batch;
      for (int i = 0; i < span.blockCount(); i++) {
        Header epoch = l1Headers.get(span.epochNumber(i));
        if (epoch == null) {
          dropLog.accept("span batch block " + i + " has L1 origin " + span.epochNumber(i) + " outside the L1 blocks read: dropped");
          break;
        }
        SingularBatch s = new SingularBatch(Bytes32.ZERO, epoch.number(), epoch.hash(),
            span.timestamp(i, config.genesis().l2Time(), config.blockTime()), span.transactions(i, config.l2ChainId()));
        pending.add(new Pending(s, inclusion, i == 0 ? span.parentCheck() : null, true));
      }
    }
  }

  /** The L1 chain's blob base-fee update fraction at an origin's time: Prague's from its activation, else Cancun's. */
  private long blobFraction(long l1Time) {
    OptionalLong prague = boot.l1Config().map(c -> c.forkTime("pragueTime")).orElse(OptionalLong.empty());
    return prague.isPresent() && Long.compareUnsigned(l1Time, prague.getAsLong()) >= 0
        ? L1InfoDeposit.PRAGUE_BLOB_FRACTION : L1InfoDeposit.CANCUN_BLOB_FRACTION;
  }

  private static BatchValidator.L1Ref ref(Header h) {
    return new BatchValidator.L1Ref(h.number(), h.hash(), h.timestamp());
  }
}
