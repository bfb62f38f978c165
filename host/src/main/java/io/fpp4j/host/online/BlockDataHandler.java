package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.hint.BlockDataHint;

/**
 * op-program's eager {@code l2-block-data}: {@code agreedBlockHash[32] ‖ blockHash[32] ‖ u64be(chainId)}.
 * When the block is the canonical successor of the agreed block there is nothing to prepare: its data
 * comes through the ordinary hints. A non-canonical (optimistic) block would have to be re-derived and
 * re-executed by the host, which this host does not do; such a hint fails with a message saying so.
 */
final class BlockDataHandler implements HintHandler<BlockDataHint> {
  private final EthSource l2;

  BlockDataHandler(EthSource l2) {
    this.l2 = l2;
  }

  @Override
  public void handle(BlockDataHint hint, PreimageStore store) throws RpcException {
    BlockHandlers.ChainCheck.require(l2, hint.chainId(), hint);
    Bytes32 agreed = hint.agreedBlockHash();
    Bytes32 wanted = hint.blockHash();
    Header agreedHeader = l2.header(agreed);
    Header next = l2.headerByNumber(agreedHeader.number() + 1);
    if (!next.hash().equals(wanted)) {
      throw new InvalidHintException("hint " + hint + ": block " + wanted + " is not the canonical successor of " + agreed
          + " (that is " + next.hash() + "); re-executing a non-canonical block is not supported by this host");
    }
  }
}
