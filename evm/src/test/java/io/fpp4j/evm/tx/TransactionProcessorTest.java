package io.fpp4j.evm.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.state.WorldState;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fees, refunds and the executor hooks, on a plain value transfer. */
class TransactionProcessorTest {
  private static final Address SENDER = Address.fromHex("0x1000000000000000000000000000000000000001");
  private static final Address TO = Address.fromHex("0x2000000000000000000000000000000000000002");
  private static final Address COINBASE = Address.fromHex("0x3000000000000000000000000000000000000003");
  private static final Address VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  private static final long BASE_FEE = 10;

  private static InMemoryWorldState state(long balance) {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(SENDER, 0, UInt256.ofUnsigned(balance), Code.EMPTY, Map.of());
    return s;
  }

  private static Evm evm(WorldState s) {
    BlockEnv b = new BlockEnv(COINBASE, 1, 1, 30_000_000, UInt256.ofUnsigned(BASE_FEE), UInt256.ZERO, Bytes32.ZERO, 0,
        n -> Bytes32.ZERO);
    return new Evm(new EvmConfig(SpecId.CANCUN, 1, PrecompileSet.of(Map.of())), b, s);
  }

  private static EvmTransaction transfer(long nonce, long value, EvmTransaction.Deposit deposit) {
    return new EvmTransaction(2, SENDER, BigInteger.valueOf(nonce), BigInteger.valueOf(21_000), BigInteger.valueOf(15),
        BigInteger.valueOf(2), TO, BigInteger.valueOf(value), new byte[0], List.of(), List.of(), BigInteger.ZERO, deposit);
  }

  @Test
  void plainTransferPaysBaseFeeAndTip() throws Exception {
    InMemoryWorldState s = state(1_000_000_000);
    TxResult r = new TransactionProcessor(evm(s)).execute(transfer(0, 1000, null));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.gasUsed()).isEqualTo(21_000);
    // effective price min(15, 10 + 2) = 12: the sender pays 12 per gas, the coinbase gets the tip of 2.
    assertThat(s.balance(SENDER)).isEqualTo(UInt256.ofUnsigned(1_000_000_000 - 1000 - 21_000 * 12));
    assertThat(s.balance(TO)).isEqualTo(UInt256.ofUnsigned(1000));
    assertThat(s.balance(COINBASE)).isEqualTo(UInt256.ofUnsigned(21_000 * 2));
    assertThat(s.nonce(SENDER)).isEqualTo(1);
  }

  @Test
  void invalidTransactionsNameTheirReasonAndLeaveTheStateAlone() {
    InMemoryWorldState s = state(1000);
    Bytes32 before = s.stateRoot();
    TransactionProcessor p = new TransactionProcessor(evm(s));
    assertThatThrownBy(() -> p.execute(transfer(0, 0, null))).isInstanceOfSatisfying(InvalidTransactionException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidTransactionException.Reason.INSUFFICIENT_FUNDS));
    assertThatThrownBy(() -> p.execute(transfer(5, 0, null))).isInstanceOfSatisfying(InvalidTransactionException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidTransactionException.Reason.NONCE_TOO_HIGH));
    assertThat(s.stateRoot()).isEqualTo(before);
  }

  /** A stand-in for OP's L1 data fee: a flat fee per transaction, credited to a vault afterwards. */
  private static final class FlatFeeHooks implements TxHooks {
    @Override
    public UInt256 extraFee(EvmTransaction tx, BlockEnv block) {
      return UInt256.ofUnsigned(5_000);
    }

    @Override
    public void afterExecution(EvmTransaction tx, BlockEnv block, WorldState state, TxResult result, UInt256 extraFee) {
      state.setBalance(VAULT, state.balance(VAULT).add(extraFee));
    }
  }

  @Test
  void extraFeeHookIsChargedUpFrontAndCountsInTheBalanceCheck() throws Exception {
    long exact = 21_000 * 15 + 5_000; // max cost: gas at the fee cap plus the extra fee
    InMemoryWorldState s = state(exact);
    TxResult r = new TransactionProcessor(evm(s), new FlatFeeHooks()).execute(transfer(0, 0, null));
    assertThat(r.isSuccess()).isTrue();
    assertThat(s.balance(VAULT)).isEqualTo(UInt256.ofUnsigned(5_000));
    assertThat(s.balance(SENDER)).isEqualTo(UInt256.ofUnsigned(exact - 5_000 - 21_000 * 12));

    InMemoryWorldState poor = state(exact - 1);
    assertThatThrownBy(() -> new TransactionProcessor(evm(poor), new FlatFeeHooks()).execute(transfer(0, 0, null)))
        .isInstanceOfSatisfying(InvalidTransactionException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidTransactionException.Reason.INSUFFICIENT_FUNDS));
  }

  @Test
  void depositMintsSkipsTheNonceCheckAndBuysNoGas() throws Exception {
    InMemoryWorldState s = state(0);
    s.putAccount(SENDER, 7, UInt256.ZERO, Code.EMPTY, Map.of());
    TxResult r = new TransactionProcessor(evm(s), new FlatFeeHooks())
        .execute(transfer(0, 400, new EvmTransaction.Deposit(UInt256.ofUnsigned(1000))));
    assertThat(r.isSuccess()).isTrue();
    assertThat(s.balance(SENDER)).isEqualTo(UInt256.ofUnsigned(600));
    assertThat(s.balance(TO)).isEqualTo(UInt256.ofUnsigned(400));
    assertThat(s.nonce(SENDER)).isEqualTo(8);
    assertThat(s.exists(COINBASE)).isFalse(); // no tip, and the coinbase was never touched into existence
    assertThat(s.balance(VAULT)).isEqualTo(UInt256.ZERO); // no extra fee for deposits
  }
}
