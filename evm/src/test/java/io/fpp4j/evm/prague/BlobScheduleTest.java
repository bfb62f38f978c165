package io.fpp4j.evm.prague;

import static io.fpp4j.evm.prague.PragueWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.BlobSchedule;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.statetest.StateTestMain;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.InvalidTransactionException;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EIP-7691's blob schedule (and EIP-2537's precompiles in the state-test table for Prague). */
class BlobScheduleTest {
  @Test
  void pragueRaisesTargetAndMaxAndSlowsTheBaseFee() {
    assertThat(BlobSchedule.of(SpecId.CANCUN)).isEqualTo(new BlobSchedule(3, 6, 3_338_477));
    assertThat(BlobSchedule.of(SpecId.PRAGUE)).isEqualTo(new BlobSchedule(6, 9, 5_007_716));
    assertThat(BlobSchedule.PRAGUE.maxBlobGasPerBlock()).isEqualTo(1_179_648);
    assertThat(BlobSchedule.CANCUN.maxBlobGasPerBlock()).isEqualTo(786_432);
  }

  @Test
  void blobBaseFeeUsesTheForksUpdateFraction() {
    // fake_exponential(1, x, d) ≈ e^(x/d): e^(10^7/3,338,477) = e^2.995 ≈ 19.99 -> 19; e^(10^7/5,007,716) ≈ 7.37 -> 7;
    // e^(5·10^7/3,338,477) ≈ 3,194,333; e^(5·10^7/5,007,716) ≈ 21,689 (the sum EIP-4844 defines, floored).
    assertThat(BlobSchedule.CANCUN.blobBaseFee(10_000_000)).isEqualTo(UInt256.ofUnsigned(19));
    assertThat(BlobSchedule.PRAGUE.blobBaseFee(10_000_000)).isEqualTo(UInt256.ofUnsigned(7));
    assertThat(BlobSchedule.CANCUN.blobBaseFee(50_000_000)).isEqualTo(UInt256.ofUnsigned(3_194_333));
    assertThat(BlobSchedule.PRAGUE.blobBaseFee(50_000_000)).isEqualTo(UInt256.ofUnsigned(21_689));
    assertThat(BlobSchedule.PRAGUE.blobBaseFee(0)).isEqualTo(UInt256.ONE);
  }

  @Test
  void theBlobBaseFeeOpcodeFollowsTheConfig() throws Exception {
    for (SpecId spec : List.of(SpecId.CANCUN, SpecId.PRAGUE)) {
      InMemoryWorldState s = state();
      s.putAccount(TO, 1, UInt256.ZERO, Code.of(Hex.decode("4a60005500")), Map.of()); // SSTORE(0, BLOBBASEFEE)
      Evm evm = new Evm(new EvmConfig(spec, CHAIN_ID, PrecompileSet.of(Map.of())), block(10_000_000), s);
      new TransactionProcessor(evm).execute(call(100_000, TO, new byte[0], List.of()));
      assertThat(s.storage(TO, UInt256.ZERO)).isEqualTo(UInt256.ofUnsigned(spec == SpecId.PRAGUE ? 7 : 19));
    }
  }

  private static EvmTransaction blobTx(int blobs) {
    List<Bytes32> hashes = new ArrayList<>();
    for (int i = 0; i < blobs; i++) {
      byte[] h = new byte[32];
      h[0] = 0x01;
      h[31] = (byte) i;
      hashes.add(Bytes32.wrap(h));
    }
    return new EvmTransaction(3, SENDER, BigInteger.ZERO, BigInteger.valueOf(21_000), FEE_CAP, TIP, TO,
        BigInteger.ZERO, new byte[0], List.of(), hashes, BigInteger.ONE, null);
  }

  @Test
  void aTransactionMayCarryUpToTheForksMaximum() throws Exception {
    InMemoryWorldState s = state();
    assertThat(run(SpecId.PRAGUE, s, blobTx(9)).isSuccess()).isTrue();
    // 9 blobs of 131,072 blob gas at blob base fee 1, besides 21,000 gas at 12.
    assertThat(s.balance(SENDER)).isEqualTo(FUNDS.sub(UInt256.ofUnsigned(21_000 * 12 + 9 * 131_072)));
    assertThatThrownBy(() -> run(SpecId.PRAGUE, state(), blobTx(10)))
        .isInstanceOfSatisfying(InvalidTransactionException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidTransactionException.Reason.BLOB_TOO_MANY));
    assertThatThrownBy(() -> run(SpecId.CANCUN, state(), blobTx(7)))
        .isInstanceOfSatisfying(InvalidTransactionException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidTransactionException.Reason.BLOB_TOO_MANY));
  }

  @Test
  void pragueStateTestsGetTheBlsPrecompiles() {
    // EIP-2537: 0x0b..0x11 from Prague, absent before.
    for (int a = 0x0b; a <= 0x11; a++) {
      assertThat(StateTestMain.precompilesFor(SpecId.PRAGUE).contains(PrecompileSet.address(a))).isTrue();
      assertThat(StateTestMain.precompilesFor(SpecId.CANCUN).contains(PrecompileSet.address(a))).isFalse();
    }
  }
}
