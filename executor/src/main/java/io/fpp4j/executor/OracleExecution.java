package io.fpp4j.executor;

import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2ChainProvider;

/**
 * The fault-proof program's entry point: executes a block on top of {@code parent} with every trie node,
 * code and ancestor header read from the preimage oracle through {@code proof}'s {@link L2ChainProvider},
 * hinted in the provider's dialect (account and storage proofs at the parent's number, collapse nodes, code
 * and headers).
 */
public final class OracleExecution {
  private OracleExecution() {}

  public static ExecutionResult execute(RollupConfig config, L2ChainProvider l2, Header parent, PayloadAttributes attributes) {
    L2ChainProvider.StateAccess access = l2.stateAccess(parent);
    ChainSource source = new ChainSource() {
      @Override
      public byte[] trieNodePreimage(Bytes32 hash) {
        return access.nodes().trieNodePreimage(hash);
      }

      @Override
      public byte[] code(Bytes32 codeHash) {
        return l2.codeByHash(codeHash);
      }

      @Override
      public byte[] header(Bytes32 blockHash) {
        return l2.headerByHash(blockHash).encode();
      }
    };
    return new BlockExecutor(config, source, access.hinter()).execute(parent, attributes);
  }
}
