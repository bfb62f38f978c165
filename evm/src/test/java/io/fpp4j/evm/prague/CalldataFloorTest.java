package io.fpp4j.evm.prague;

import static io.fpp4j.evm.prague.PragueWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.InvalidTransactionException;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EIP-7623's calldata floor on hand-computed cases. The calldata here is 10 zero bytes and 10 bytes 0x01:
 * standard intrinsic gas 21,000 + 10·4 + 10·16 = 21,200; tokens 10·1 + 10·4 = 50, floor 21,000 + 50·10 = 21,500.
 */
class CalldataFloorTest {
  private static final byte[] DATA = Hex.decode("00000000000000000000" + "01010101010101010101");

  @Test
  void floorCountsZeroBytesAsOneTokenAndOthersAsFour() {
    EvmTransaction tx = call(100_000, TO, DATA, List.of());
    assertThat(TransactionProcessor.intrinsicGas(tx, SpecId.PRAGUE)).isEqualTo(21_200);
    assertThat(TransactionProcessor.floorDataGas(tx)).isEqualTo(21_500);
    assertThat(TransactionProcessor.floorDataGas(call(100_000, TO, new byte[0], List.of()))).isEqualTo(21_000);
  }

  @Test
  void aGasLimitBelowTheFloorIsInvalidFromPragueOnly() throws Exception {
    InMemoryWorldState s = state();
    assertThatThrownBy(() -> run(SpecId.PRAGUE, s, call(21_499, TO, DATA, List.of())))
        .isInstanceOfSatisfying(InvalidTransactionException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidTransactionException.Reason.FLOOR_DATA_GAS));
    assertThat(s.nonce(SENDER)).isZero();
    TxResult cancun = run(SpecId.CANCUN, state(), call(21_200, TO, DATA, List.of()));
    assertThat(cancun.gasUsed()).isEqualTo(21_200);
    assertThat(run(SpecId.PRAGUE, state(), call(21_500, TO, DATA, List.of())).gasUsed()).isEqualTo(21_500);
  }

  @Test
  void aCheapTransactionPaysTheFloor() throws Exception {
    InMemoryWorldState s = state();
    TxResult r = run(SpecId.PRAGUE, s, call(30_000, TO, DATA, List.of()));
    assertThat(r.gasUsed()).isEqualTo(21_500);
    assertThat(s.balance(SENDER)).isEqualTo(FUNDS.sub(UInt256.ofUnsigned(21_500 * 12)));
    assertThat(s.balance(COINBASE)).isEqualTo(UInt256.ofUnsigned(21_500 * 2));
  }

  @Test
  void executionAboveTheFloorIsChargedAsBefore() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(TO, 1, UInt256.ZERO, Code.of(Hex.decode("6001600055")), Map.of());
    TxResult r = run(SpecId.PRAGUE, s, call(100_000, TO, DATA, List.of()));
    assertThat(r.gasUsed()).isEqualTo(21_200 + 22_106);
  }

  @Test
  void theFloorAppliesAfterTheRefund() throws Exception {
    // Clearing a set slot: PUSH1 0 PUSH1 0 SSTORE = 3 + 3 + 2,100 + 2,900 = 5,006 gas and a 4,800 refund.
    InMemoryWorldState s = state();
    s.putAccount(TO, 1, UInt256.ZERO, Code.of(Hex.decode("6000600055")), Map.of(UInt256.ZERO, UInt256.ONE));
    TxResult cancun = run(SpecId.CANCUN, s, call(100_000, TO, DATA, List.of()));
    // 21,200 + 5,006 = 26,206 used; refund min(4,800, 26,206 / 5 = 5,241) = 4,800 -> 21,406.
    assertThat(cancun.gasUsed()).isEqualTo(21_406);
    InMemoryWorldState p = state();
    p.putAccount(TO, 1, UInt256.ZERO, Code.of(Hex.decode("6000600055")), Map.of(UInt256.ZERO, UInt256.ONE));
    TxResult prague = run(SpecId.PRAGUE, p, call(100_000, TO, DATA, List.of()));
    assertThat(prague.gasUsed()).isEqualTo(21_500); // 21,406 after the refund is below the floor
  }

  @Test
  void depositsBuyNoGasAndPayNoFloor() throws Exception {
    InMemoryWorldState s = state();
    EvmTransaction deposit = new EvmTransaction(0, SENDER, BigInteger.ZERO, BigInteger.valueOf(21_200),
        BigInteger.ZERO, BigInteger.ZERO, TO, BigInteger.ZERO, DATA, List.of(), List.of(), BigInteger.ZERO,
        new EvmTransaction.Deposit(UInt256.ZERO));
    TxResult r = run(SpecId.PRAGUE, s, deposit);
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.gasUsed()).isEqualTo(21_200);
  }
}
