package io.fpp4j.host.online;

import io.fpp4j.host.serve.Hint;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.mpt.AccountProof;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.JsonQuantity;
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

  /** {@code l2-code}: 32 or 40 bytes; {@code debug_dbGet(0x63 ‖ hash)}, then the bare hash for older databases. */
  HintHandler code() {
    return (hint, store) -> {
      Bytes32 hash = hashWithOptionalChain(hint);
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

  /** {@code l2-state-node}: 32 or 40 bytes; {@code debug_dbGet(hash)}. */
  HintHandler stateNode() {
    return (hint, store) -> {
      Bytes32 hash = hashWithOptionalChain(hint);
      Preimages.putKeccak(store, hash, l2.dbGet(hash.toArray()), "L2 state node " + hash);
    };
  }

  /**
   * op-program's {@code l2-account-proof}: {@code blockHash[32] ‖ address[20] ‖ u64be(chainId)} (60 bytes);
   * {@code eth_getProof(address, [0x00…00], blockHash)}, account and slot-0 storage proof nodes.
   */
  HintHandler opProgramAccountProof() {
    return (hint, store) -> {
      HintData.requireLength(hint, 60);
      BlockHandlers.ChainCheck.require(l2, HintData.u64(hint, 52), hint);
      Bytes32 block = HintData.bytes32(hint, 0);
      AccountProof p = l2.proof(HintData.address(hint, 32), List.of(Bytes32.ZERO), EthSource.byHash(block));
      storeProof(store, p);
    };
  }

  /**
   * Kona's {@code l2-account-proof}: {@code u64be(blockNumber) ‖ address[20]} [{@code ‖ u64be(chainId)}]
   * (28 or 36 bytes); {@code eth_getProof(address, [], blockNumber)}, account proof nodes.
   */
  HintHandler konaAccountProof() {
    return (hint, store) -> {
      HintData.requireLength(hint, 28, 36);
      if (hint.data().length == 36) BlockHandlers.ChainCheck.require(l2, HintData.u64(hint, 28), hint);
      AccountProof p = l2.proof(HintData.address(hint, 8), List.of(), JsonQuantity.format(HintData.u64(hint, 0)));
      storeProof(store, p);
    };
  }

  /**
   * Kona's {@code l2-account-storage-proof}: {@code u64be(blockNumber) ‖ address[20] ‖ slot[32]}
   * [{@code ‖ u64be(chainId)}] (60 or 68 bytes); {@code eth_getProof(address, [slot], blockNumber)}.
   */
  HintHandler konaStorageProof() {
    return (hint, store) -> {
      HintData.requireLength(hint, 60, 68);
      if (hint.data().length == 68) BlockHandlers.ChainCheck.require(l2, HintData.u64(hint, 60), hint);
      AccountProof p = l2.proof(HintData.address(hint, 8), List.of(HintData.bytes32(hint, 28)),
          JsonQuantity.format(HintData.u64(hint, 0)));
      storeProof(store, p);
    };
  }

  private static void storeProof(PreimageStore store, AccountProof p) {
    for (byte[] node : p.accountProof()) Preimages.putKeccak(store, node);
    for (AccountProof.StorageProof sp : p.storageProof()) {
      for (byte[] node : sp.proof()) Preimages.putKeccak(store, node);
    }
  }

  private Bytes32 hashWithOptionalChain(Hint hint) throws RpcException {
    HintData.requireLength(hint, 32, 40);
    if (hint.data().length == 40) BlockHandlers.ChainCheck.require(l2, HintData.u64(hint, 32), hint);
    return HintData.bytes32(hint, 0);
  }
}
