package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.mpt.AccountProof;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.JsonQuantity;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.KonaAccountProofHint;
import io.fpp4j.proof.hint.OpProgramAccountProofHint;
import io.fpp4j.proof.hint.StorageProofHint;
import java.util.List;

/**
 * L2 state hints: contract code and trie nodes by hash ({@code debug_dbGet}), and account and storage
 * proofs ({@code eth_getProof}) in both peers' layouts. Values fetched by hash are checked against it
 * before they are stored; proof nodes are stored under their own keccak.
 */
final class L2StateHandlers {
  /** geth's database prefix for contract code in the hash scheme ({@code 'c'}). */
  static final byte CODE_PREFIX = 0x63;

  private final EthSource l2;

  L2StateHandlers(EthSource l2) {
    this.l2 = l2;
  }

  /** {@code l2-code}: {@code debug_dbGet(0x63 ‖ hash)}, then the bare hash for older databases. */
  HintHandler<ChainHashHint> code() {
    return (hint, store) -> {
      Bytes32 hash = hashOnThisChain(hint);
      byte[] prefixed = new byte[33];
      prefixed[0] = CODE_PREFIX;
      hash.copyTo(prefixed, 1);
      byte[] code;
      try {
        code = l2.dbGet(prefixed);
      } catch (RpcException withPrefix) {
        try {
          code = l2.dbGet(hash.toArray());
        } catch (RpcException bare) {
          bare.addSuppressed(withPrefix);
          throw new RpcException("cannot fetch L2 code " + hash + ": " + withPrefix.getMessage() + "; then " + bare.getMessage(), bare);
        }
      }
      Preimages.putKeccak(store, hash, code, "L2 code " + hash);
    };
  }

  /** {@code l2-state-node}: {@code debug_dbGet(hash)}. */
  HintHandler<ChainHashHint> stateNode() {
    return (hint, store) -> {
      Bytes32 hash = hashOnThisChain(hint);
      Preimages.putKeccak(store, hash, l2.dbGet(hash.toArray()), "L2 state node " + hash);
    };
  }

  /**
   * op-program's {@code l2-account-proof}: {@code blockHash[32] ‖ address[20] ‖ u64be(chainId)} (60 bytes);
   * {@code eth_getProof(address, [0x00…00], blockHash)}, account and slot-0 storage proof nodes.
   */
  HintHandler<OpProgramAccountProofHint> opProgramAccountProof() {
    return (hint, store) -> {
      BlockHandlers.ChainCheck.require(l2, hint.chainId(), hint);
      AccountProof p = l2.proof(hint.address(), List.of(Bytes32.ZERO), EthSource.byHash(hint.blockHash()));
      storeProof(store, p);
    };
  }

  /**
   * Kona's {@code l2-account-proof}: {@code u64be(blockNumber) ‖ address[20]} [{@code ‖ u64be(chainId)}]
   * (28 or 36 bytes); {@code eth_getProof(address, [], blockNumber)}, account proof nodes.
   */
  HintHandler<KonaAccountProofHint> konaAccountProof() {
    return (hint, store) -> {
      BlockHandlers.ChainCheck.require(l2, hint.chainId(), hint);
      AccountProof p = l2.proof(hint.address(), List.of(), JsonQuantity.format(hint.blockNumber()));
      storeProof(store, p);
    };
  }

  /**
   * Kona's {@code l2-account-storage-proof}: {@code u64be(blockNumber) ‖ address[20] ‖ slot[32]}
   * [{@code ‖ u64be(chainId)}] (60 or 68 bytes); {@code eth_getProof(address, [slot], blockNumber)}.
   */
  HintHandler<StorageProofHint> konaStorageProof() {
    return (hint, store) -> {
      BlockHandlers.ChainCheck.require(l2, hint.chainId(), hint);
      AccountProof p = l2.proof(hint.address(), List.of(hint.slot()), JsonQuantity.format(hint.blockNumber()));
      storeProof(store, p);
    };
  }

  private static void storeProof(PreimageStore store, AccountProof p) {
    for (byte[] node : p.accountProof()) Preimages.putKeccak(store, node);
    for (AccountProof.StorageProof sp : p.storageProof()) {
      for (byte[] node : sp.proof()) Preimages.putKeccak(store, node);
    }
  }

  private Bytes32 hashOnThisChain(ChainHashHint hint) throws RpcException {
    BlockHandlers.ChainCheck.require(l2, hint.chainId(), hint);
    return hint.hash();
  }
}
