package io.fpp4j.client;

import io.fpp4j.derive.DerivationPipeline;
import io.fpp4j.derive.L2BlockRef;
import io.fpp4j.derive.SafeChain;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2Block;
import io.fpp4j.proof.l2.L2ChainProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The program's L2 safe chain for the batch queue's overlap checks: blocks up to the agreed one through the oracle
 * ({@link L2ChainProvider}, walking back from the agreed block), and the blocks the program derived after it, which
 * no oracle holds, from what the driver {@link #record}ed.
 */
final class ProgramSafeChain implements SafeChain {
  private final RollupConfig config;
  private final L2ChainProvider agreed;
  private final long agreedNumber;
  private final Map<Long, Block> derived = new HashMap<>();

  /** @param agreedNumber the number of the agreed block, the provider's head */
  ProgramSafeChain(RollupConfig config, L2ChainProvider agreed, long agreedNumber) {
    this.config = Objects.requireNonNull(config, "config");
    this.agreed = Objects.requireNonNull(agreed, "agreed");
    this.agreedNumber = agreedNumber;
  }

  /** Records a block the program derived and executed: its header and what derivation made it from. */
  void record(Header header, DerivationPipeline.Derived derived) {
    if (header.number() != derived.number()) {
      throw new IllegalArgumentException("header of L2 block " + header.number() + " recorded for derived block " + derived.number());
    }
    L2BlockRef ref = new L2BlockRef(header.hash(), header.number(), header.timestamp(), derived.l1OriginNumber(),
        derived.l1OriginHash(), derived.sequenceNumber());
    // The executed block holds exactly the attributes' transactions (OP blocks take no others).
    List<Bytes> user = derived.attributes().transactions().stream().filter(t -> !isDepositEncoding(t)).toList();
    this.derived.put(header.number(), new Block(ref, user));
  }

  @Override
  public Block block(long number) {
    if (Long.compareUnsigned(number, agreedNumber) > 0) {
      Block b = derived.get(number);
      if (b == null) throw new ClientException("L2 block " + Long.toUnsignedString(number) + " is after the agreed block " + agreedNumber
          + " and was not derived");
      return b;
    }
    L2Block block = agreed.blockByNumber(number);
    List<Bytes> user = new ArrayList<>();
    for (Transaction tx : block.transactions()) if (!tx.isDeposit()) user.add(Bytes.adopt(tx.encode2718()));
    return new Block(SafeHead.of(config, block).ref(), user);
  }

  private static boolean isDepositEncoding(Bytes tx) {
    return !tx.isEmpty() && (tx.get(0) & 0xff) == 0x7e;
  }
}
