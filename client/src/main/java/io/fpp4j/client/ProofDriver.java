package io.fpp4j.client;

import io.fpp4j.derive.DerivationPipeline;
import io.fpp4j.derive.L1InfoDeposit;
import io.fpp4j.executor.BlockExecutionException;
import io.fpp4j.executor.BlockExecutor;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.boot.BootInfo;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l1.L1ChainProvider;
import io.fpp4j.proof.l2.L2ChainProvider;
import io.fpp4j.proof.output.AgreedOutput;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The program's logic, as the fault-proof program spec and kona-client lay it out: from the agreed output find the
 * safe head, derive L2 blocks from L1 (up to the boot L1 head) and execute them one by one until the claimed block,
 * then compare that block's output root with the claim.
 *
 * <p>Derivation is {@code derive}'s {@link DerivationPipeline}, reset to the safe head; this class only executes
 * what it derives, tells it each block's hash (or that a payload was invalid), records each block in the L2 chain
 * the pipeline reads for span batches overlapping the safe head ({@link ProgramSafeChain}), and checks the output
 * root.
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

  /** Logs with concatenation, not printf: see {@link FppProgram#run}. */
  public Outcome run() {
    Bytes32 safeHash = AgreedOutput.read(oracle, boot.agreedL2OutputRoot(), dialect, OptionalLong.empty()).blockHash();
    L2ChainProvider l2 = L2ChainProvider.builder(oracle, safeHash, dialect).config(config).build();
    SafeHead safe = SafeHead.of(config, l2.blockByHash(safeHash));
    out.println("agreed L2 block " + safe.ref().number() + " " + safe.ref().hash() + ", L1 origin " + safe.ref().l1OriginNumber());
    L2State state = new L2State(l2);

    // Trace extension: a claim at or below the agreed block is about the agreed output itself.
    if (Long.compareUnsigned(boot.claimedL2BlockNumber(), safe.ref().number()) <= 0) {
      out.println("claimed block " + boot.claimedL2BlockNumber() + " is at or below the agreed block " + safe.ref().number()
          + ": checking the agreed output");
      Bytes32 root = boot.agreedL2OutputRoot();
      return new Outcome(root, safe.ref().number(), List.of(), root.equals(boot.claimedL2OutputRoot()));
    }

    ProgramSafeChain chain = new ProgramSafeChain(config, l2, safe.ref().number());
    DerivationPipeline pipeline = new DerivationPipeline(config, new L1ChainProvider(oracle, boot.l1Head()),
        new BlobProvider(oracle), chain, this::blobFraction, dropLog);
    pipeline.reset(safe.ref(), safe.systemConfig());
    List<DerivedBlock> derived = new ArrayList<>();
    Header last = safe.header();
    while (last.number() < boot.claimedL2BlockNumber()) {
      Optional<DerivationPipeline.Derived> next = pipeline.next();
      if (next.isEmpty()) break;
      DerivationPipeline.Derived d = next.get();
      Header h = execute(state, last, d.attributes());
      if (h == null) {
        // Invalid payload: dropped before Holocene (derivation looks for another batch), deposits alone from Holocene.
        Optional<DerivationPipeline.Derived> replacement = pipeline.invalidPayload();
        if (replacement.isEmpty()) continue;
        d = replacement.get();
        h = execute(state, last, d.attributes());
        if (h == null) throw new ClientException("the deposits-only payload of L2 block " + d.number() + " is invalid too");
      }
      state.addHeader(h);
      chain.record(h, d);
      pipeline.advance(h.hash());
      derived.add(new DerivedBlock(h.number(), h.hash()));
      out.println("derived L2 block " + h.number() + " " + h.hash() + " (parent " + h.parentHash() + ", "
          + d.attributes().transactions().size() + " transactions, L1 origin " + d.l1OriginNumber() + ")");
      last = h;
    }
    // L1 up to the boot L1 head may not reach the claimed block: as kona-client and op-program do, the claim is then
    // checked against the last block derived (the agreed one if none), which cannot match an honest claim.
    Bytes32 root = derived.isEmpty() ? boot.agreedL2OutputRoot() : state.outputRoot(last, config.isIsthmusActive(last.timestamp()));
    out.println("output root of L2 block " + last.number() + ": " + root);
    if (last.number() != boot.claimedL2BlockNumber()) {
      out.println("L1 data up to the L1 head derives only up to L2 block " + last.number() + ", not the claimed "
          + boot.claimedL2BlockNumber());
    }
    return new Outcome(root, last.number(), derived, root.equals(boot.claimedL2OutputRoot()));
  }

  /**
   * Executes one block: its header, or null if the payload is invalid. A missing preimage is never an invalid
   * payload: it stops the program.
   */
  private Header execute(L2State state, Header parent, PayloadAttributes attrs) {
    try {
      return executor(state, parent).execute(parent, attrs, state.nodeSink()).header();
    } catch (BlockExecutionException e) {
      rethrowIfHostFailure(e);
      dropLog.accept("payload for L2 time " + attrs.timestamp() + " is invalid: " + e.getMessage());
      return null;
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

  /** The L1 chain's blob base-fee update fraction at an origin's time: Prague's from its activation, else Cancun's. */
  private long blobFraction(long l1Time) {
    OptionalLong prague = boot.l1Config().map(c -> c.forkTime("pragueTime")).orElse(OptionalLong.empty());
    return prague.isPresent() && Long.compareUnsigned(l1Time, prague.getAsLong()) >= 0
        ? L1InfoDeposit.PRAGUE_BLOB_FRACTION : L1InfoDeposit.CANCUN_BLOB_FRACTION;
  }
}
