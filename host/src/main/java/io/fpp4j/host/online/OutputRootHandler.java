package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.mpt.AccountProof;
import io.fpp4j.mpt.ProofVerifier;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.Hint;
import java.util.List;

/**
 * The agreed output root's preimage, computed from the agreed L2 head block: its state root, the storage
 * root of the L2ToL1MessagePasser ({@code eth_getProof} at that block, checked against the state root) and
 * its hash. The result must be the root the host was configured with (Kona's {@code starting-l2-output})
 * or the one hinted (op-program's {@code l2-output}); a different root means the head and root given to
 * the host do not belong together, which no retry can fix.
 */
final class OutputRootHandler {
  private final EthSource l2;
  private final Bytes32 agreedHead;

  /** @param agreedHead the agreed L2 head block ({@code --agreed-l2-head-hash} / {@code --l2.head}) */
  OutputRootHandler(EthSource l2, Bytes32 agreedHead) {
    this.l2 = l2;
    this.agreedHead = agreedHead;
  }

  /** Kona's {@code starting-l2-output}: the output must be {@code configuredRoot}, whatever root is hinted. */
  HintHandler<HashHint> configured(Bytes32 configuredRoot) {
    return (hint, store) -> storeOutput(hint, configuredRoot, " (--agreed-l2-output-root)", store);
  }

  /** op-program's {@code l2-output}: the output must be the hinted root. */
  HintHandler<ChainHashHint> hinted() {
    return (hint, store) -> {
      BlockHandlers.ChainCheck.require(l2, hint.chainId(), hint);
      storeOutput(hint, hint.hash(), "", store);
    };
  }

  private void storeOutput(Hint hint, Bytes32 wanted, String rootSource, PreimageStore store) throws RpcException {
    Header head = l2.header(agreedHead);
    OutputRoot output = outputOf(l2, head);
    if (!output.hash().equals(wanted)) {
      throw new InvalidHintException("hint " + hint + ": the output root of the agreed L2 head " + agreedHead + " (block "
          + Long.toUnsignedString(head.number()) + ") is " + output.hash() + ", not " + wanted + rootSource
          + "; the agreed head and output root given to the host do not match");
    }
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, wanted.toArray()), output.encode());
  }

  /** The output of block {@code head}: its state root, the message passer's proven storage root and its hash. */
  static OutputRoot outputOf(EthSource l2, Header head) throws RpcException {
    AccountProof proof = l2.proof(OutputRoot.MESSAGE_PASSER, List.of(), EthSource.byHash(head.hash()));
    Bytes32 storageRoot = l2.parse("eth_getProof", () -> messagePasserStorageRoot(proof, head.stateRoot()));
    return new OutputRoot(head.stateRoot(), storageRoot, head.hash());
  }

  /**
   * The message passer's storage root, after checking the proof under the state root. geth describes an
   * absent account with zero storage and code hashes; when the proof shows the account absent, its storage
   * root is the empty trie's. (Every OP chain has the predeploy, so this only matters on other chains.)
   */
  static Bytes32 messagePasserStorageRoot(AccountProof proof, Bytes32 stateRoot) {
    boolean gethAbsent = proof.nonce() == 0 && proof.balance().signum() == 0 && proof.storageHash().isZero()
        && proof.codeHash().isZero();
    if (gethAbsent) {
      if (ProofVerifier.verify(stateRoot, proof.address().keccak256().toArray(), proof.accountProof()) != null) {
        throw new IllegalArgumentException("eth_getProof for " + proof.address() + " claims an absent account (zero hashes) but the "
            + "proof under " + stateRoot + " shows one");
      }
      return Hashes.EMPTY_TRIE_ROOT;
    }
    proof.verify(stateRoot);
    return proof.storageHash();
  }
}
