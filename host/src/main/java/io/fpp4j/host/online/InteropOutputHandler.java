package io.fpp4j.host.online;

import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.hint.ChainHashHint;

/**
 * op-program's interop {@code l2-output}: {@code outputRoot[32] ‖ u64be(chainId)}. The output is the chain's at
 * the agreed pre-state's timestamp: the block number comes from the chain's rollup config (genesis number plus
 * the whole block times since genesis), then the block and the message passer's proof from the chain's node.
 * The result must be the root hinted; another root means the pre-state and the node disagree.
 */
final class InteropOutputHandler implements HintHandler<ChainHashHint> {
  private final EthSource node;
  private final RollupConfig rollup;
  private final AgreedPrestate prestate;

  InteropOutputHandler(EthSource node, RollupConfig rollup, AgreedPrestate prestate) {
    this.node = node;
    this.rollup = rollup;
    this.prestate = prestate;
  }

  /** The L2 block at {@code timestamp}: the last block whose timestamp is not after it. */
  static long blockAt(RollupConfig rollup, long timestamp) {
    long genesisTime = rollup.genesis().l2Time();
    if (Long.compareUnsigned(timestamp, genesisTime) < 0) {
      throw new IllegalArgumentException("timestamp " + Long.toUnsignedString(timestamp) + " is before the genesis of L2 chain "
          + Long.toUnsignedString(rollup.l2ChainId()) + " (" + Long.toUnsignedString(genesisTime) + ")");
    }
    if (rollup.blockTime() <= 0) throw new IllegalArgumentException("the rollup config of L2 chain " + rollup.l2ChainId() + " has no block time");
    return rollup.genesis().l2().number() + Long.divideUnsigned(timestamp - genesisTime, rollup.blockTime());
  }

  @Override
  public void handle(ChainHashHint hint, PreimageStore store) throws RpcException {
    BlockHandlers.ChainCheck.require(node, hint.chainId(), hint);
    Bytes32 wanted = hint.hash();
    long number;
    try {
      number = blockAt(rollup, prestate.timestamp());
    } catch (IllegalArgumentException e) {
      throw new InvalidHintException("hint " + hint + ": " + e.getMessage());
    }
    Header head = node.headerByNumber(number);
    OutputRoot output = OutputRootHandler.outputOf(node, head);
    if (!output.hash().equals(wanted)) {
      throw new InvalidHintException("hint " + hint + ": the output of L2 chain " + Long.toUnsignedString(rollup.l2ChainId())
          + " at the pre-state's timestamp " + Long.toUnsignedString(prestate.timestamp()) + " (block " + Long.toUnsignedString(number)
          + ", " + head.hash() + ") is " + output.hash() + ", not " + wanted);
    }
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, wanted.toArray()), output.encode());
  }
}
