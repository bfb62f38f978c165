package io.fpp4j.examples.l1log;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.InvalidClaimException;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.proof.boot.BootInputs;
import io.fpp4j.proof.l1.L1ChainProvider;
import java.util.List;

/**
 * Checks that an L1 block at or below the L1 head emitted a claimed log: it walks back from the head to the
 * block by number, reads the block's receipts through the receipts trie, and exits 0 if one of them holds
 * the log (same address, topics and data), 1 if none does (2 if the data cannot be read).
 *
 * <p>Boot inputs (local keys): 1 the L1 head hash (32 bytes), 2 the block number (u64be), 3 the claimed log as
 * RLP {@code [address, [topics…], data]} (the receipt's own log encoding).
 */
public final class L1LogProgram implements FaultProofProgram {
  /** For a host running the program in its own JVM ({@code fpp4j host serve --native --program}). */
  public L1LogProgram() {}

  public static void main(String[] args) {
    ProgramEntry.main(new L1LogProgram());
  }

  /** The RLP of a log, as the claim on local key 3. */
  public static byte[] encodeClaim(Log log) {
    RlpWriter w = new RlpWriter();
    log.writeTo(w);
    return w.toByteArray();
  }

  @Override
  public boolean run(OracleClient oracle) throws InvalidClaimException {
    BootInputs boot = BootInputs.of(oracle).named(1, "L1 head").named(2, "block number").named(3, "claimed log");
    L1ChainProvider l1 = new L1ChainProvider(oracle, boot.bytes32(1));
    long number = boot.u64(2);
    Log claimed = boot.parse(3, Log::decode);

    Header header = l1.headerByNumber(number);
    List<Receipt> receipts = l1.receiptsByHash(header.hash());
    if (receipts.stream().anyMatch(r -> r.logs().contains(claimed))) return true;
    throw new InvalidClaimException("none of the " + receipts.size() + " receipts of L1 block "
        + Long.toUnsignedString(number) + " " + header.hash() + " has a log from " + claimed.address() + " with topics "
        + claimed.topics());
  }
}
