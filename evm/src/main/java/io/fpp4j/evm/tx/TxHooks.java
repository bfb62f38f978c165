package io.fpp4j.evm.tx;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.WorldState;

/**
 * Where a chain's executor extends transaction processing without forking it (OP: the L1 data fee and the
 * operator fee, paid to fee vaults). Deposit-style transactions are declared on the transaction itself
 * ({@link EvmTransaction.Deposit}). {@link #NONE} is Ethereum L1.
 */
public interface TxHooks {
  TxHooks NONE = new TxHooks() {};

  /**
   * Wei charged to the sender up front, besides gas and blob gas: it counts in the balance check and is
   * deducted before execution, and is not refunded. Not called for deposits.
   */
  default UInt256 extraFee(EvmTransaction tx, BlockEnv block) {
    return UInt256.ZERO;
  }

  /** Called after execution and the L1 fee distribution, before the state is finalised (e.g. to credit vaults). */
  default void afterExecution(EvmTransaction tx, BlockEnv block, WorldState state, TxResult result, UInt256 extraFee) {}
}
