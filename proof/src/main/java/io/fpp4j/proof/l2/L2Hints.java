package io.fpp4j.proof.l2;

import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.preimage.Hinter;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.KonaAccountProofHint;
import io.fpp4j.proof.hint.KonaPayloadWitnessHint;
import io.fpp4j.proof.hint.OpProgramAccountProofHint;
import io.fpp4j.proof.hint.StorageProofHint;
import java.util.OptionalLong;

/**
 * The L2 state hints of one dialect for reads in the state of one block (kona-proof's {@code TrieHinter}
 * impl on {@code OracleL2ChainProvider}, op-program's L2 oracle).
 *
 * <ul>
 *   <li>Kona: {@code l2-account-proof <u64be(number) ‖ address>}, {@code l2-account-storage-proof
 *       <u64be(number) ‖ address ‖ slot>}, then trie nodes without hints;
 *   <li>op-program: {@code l2-account-proof <blockHash ‖ address ‖ u64be(chainId)>} and no storage hint;
 *       every trie node is hinted on its own with {@code l2-state-node} (see {@link #hintsEachNode()}).
 * </ul>
 * With a hint chain id (interop), the chain id is appended to every L2 hint that has a 40-byte form.
 */
final class L2Hints implements TrieHinter {
  private final Hinter hinter;
  private final Dialect dialect;
  private final Header block;
  private final OptionalLong hintChainId;
  private final long chainId;

  L2Hints(Hinter hinter, Dialect dialect, Header block, OptionalLong hintChainId, long chainId) {
    this.hinter = hinter;
    this.dialect = dialect;
    this.block = block;
    this.hintChainId = hintChainId;
    this.chainId = chainId;
  }

  boolean hintsEachNode() {
    return dialect == Dialect.OP_PROGRAM;
  }

  void hintStateNode(Bytes32 hash) {
    new ChainHashHint(HintType.L2_STATE_NODE, hash, hintChainId).sendTo(hinter);
  }

  @Override
  public void hintTrieNode(Bytes32 nodeHash) {
    hintStateNode(nodeHash);
  }

  @Override
  public void hintAccountProof(Address address, long blockNumber) {
    Hint hint = dialect == Dialect.KONA
        ? new KonaAccountProofHint(block.number(), address, hintChainId)
        : new OpProgramAccountProofHint(block.hash(), address, hintChainId.orElse(chainId));
    hint.sendTo(hinter);
  }

  @Override
  public void hintStorageProof(Address address, Bytes32 slot, long blockNumber) {
    if (dialect == Dialect.KONA) new StorageProofHint(block.number(), address, slot, hintChainId).sendTo(hinter);
  }

  @Override
  public void hintExecutionWitness(Bytes32 parentHash, byte[] payloadAttributesJson) {
    if (dialect == Dialect.KONA) {
      new KonaPayloadWitnessHint(parentHash, Bytes.of(payloadAttributesJson), hintChainId).sendTo(hinter);
    }
  }
}
