package io.fpp4j.executor;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.WorldState;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.TxHooks;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.primitives.Address;
import java.math.BigInteger;

/**
 * The OP fees of a user transaction, through the EVM's hooks: the L1 data fee and the operator fee are
 * charged up front with the gas; after execution the base fee (burnt on L1) goes to the base fee vault,
 * the L1 fee to the L1 fee vault, the operator fee for the gas used to the operator fee vault, and the
 * operator fee for unused gas back to the sender. Deposits pay none of this. Set the transaction's raw
 * bytes and the block's L1 parameters with {@link #prepare} before each user transaction.
 */
final class OpTxHooks implements TxHooks {
  static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");
  static final Address OPERATOR_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001b");

  private final OpForkRules rules;
  private byte[] raw;
  private L1BlockInfo info;
  private BigInteger l1Fee = BigInteger.ZERO;

  OpTxHooks(OpForkRules rules) {
    this.rules = rules;
  }

  void prepare(byte[] rawTx, L1BlockInfo l1Info) {
    this.raw = rawTx;
    this.info = l1Info;
  }

  /** The L1 fee charged to the last user transaction, for its receipt. */
  BigInteger lastL1Fee() {
    return l1Fee;
  }

  @Override
  public UInt256 extraFee(EvmTransaction tx, BlockEnv block) {
    l1Fee = L1Fee.fee(raw, info, rules);
    BigInteger operator = OperatorFee.charge(tx.gasLimit().longValueExact(), info, rules);
    return UInt256.fromBigInteger(l1Fee.add(operator));
  }

  @Override
  public void afterExecution(EvmTransaction tx, BlockEnv block, WorldState state, TxResult result, UInt256 extraFee) {
    if (tx.deposit() != null) return;
    credit(state, BASE_FEE_VAULT, block.baseFee().toBigInteger().multiply(BigInteger.valueOf(result.gasUsed())));
    credit(state, L1_FEE_VAULT, l1Fee);
    if (rules.isthmus()) {
      BigInteger used = OperatorFee.charge(result.gasUsed(), info, rules);
      BigInteger charged = OperatorFee.charge(tx.gasLimit().longValueExact(), info, rules);
      credit(state, OPERATOR_FEE_VAULT, used);
      credit(state, tx.sender(), charged.subtract(used));
    }
  }

  private static void credit(WorldState state, Address to, BigInteger amount) {
    if (amount.signum() == 0) return;
    state.setBalance(to, state.balance(to).add(UInt256.fromBigInteger(amount)));
  }
}
