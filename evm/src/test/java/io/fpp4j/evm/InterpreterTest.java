package io.fpp4j.evm;

import static io.fpp4j.evm.EvmTestSupport.CONTRACT;
import static io.fpp4j.evm.EvmTestSupport.call;
import static io.fpp4j.evm.EvmTestSupport.stateWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.primitives.Hex;
import org.junit.jupiter.api.Test;

/** Hand-built bytecode: results and exact gas of small programs, and the failure modes that must not wrap. */
class InterpreterTest {
  @Test
  void addsAndReturnsAWord() {
    // PUSH1 2 PUSH1 3 ADD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    CallResult r = call(stateWith("600260030160005260206000f3"), 100_000);
    assertThat(r.status()).isEqualTo(CallResult.Status.SUCCESS);
    assertThat(Hex.encode(r.output())).isEqualTo("0000000000000000000000000000000000000000000000000000000000000005");
    // 3+3+3 (pushes) +3 (add) +3 push +3 mstore +3 memory(1 word) +3+3 pushes, return 0 more memory
    assertThat(100_000 - r.gasLeft()).isEqualTo(3 + 3 + 3 + 3 + 3 + 3 + 3 + 3);
  }

  @Test
  void mstoreAtAHugeOffsetRunsOutOfGasInsteadOfWrapping() {
    for (String offset : new String[] {
        "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // 2^256-1
        "677fffffffffffffff", // 2^63-1
        "67ffffffffffffffe0", // 2^64-32: offset+32 would wrap a long
        "6380000000"}) { // 2^31: beyond what memory will allocate
      // PUSH1 1, PUSH<offset>, MSTORE, STOP
      CallResult r = call(stateWith("6001" + offset + "5200"), 10_000_000_000L);
      assertThat(r.status()).as(offset).isEqualTo(CallResult.Status.HALT);
      assertThat(r.halt()).as(offset).isEqualTo(HaltReason.OUT_OF_GAS);
      assertThat(r.gasLeft()).isZero();
    }
  }

  @Test
  void memoryExpansionCostIsQuadratic() {
    Memory m = new Memory();
    assertThat(m.expansionCost(0, 32)).isEqualTo(3);
    assertThat(m.expansionCost(0, 32 * 1024)).isEqualTo(3 * 1024 + 1024 * 1024 / 512);
    assertThat(m.expansionCost(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(m.expansionCost(Long.MAX_VALUE, 0)).isZero(); // a zero-length access never expands
    assertThat(m.expansionCost(1, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void hugeCopyLengthRunsOutOfGas() {
    // PUSH32 2^256-1 (len), PUSH1 0 (src), PUSH1 0 (dst), CALLDATACOPY
    CallResult r = call(stateWith("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff6000600037"), 1_000_000);
    assertThat(r.halt()).isEqualTo(HaltReason.OUT_OF_GAS);
  }

  @Test
  void stackOverflowAt1025Items() {
    // 1024 x PUSH0 fit; the 1025th overflows.
    CallResult ok = call(stateWith("5f".repeat(1024) + "00"), 1_000_000);
    assertThat(ok.status()).isEqualTo(CallResult.Status.SUCCESS);
    CallResult over = call(stateWith("5f".repeat(1025) + "00"), 1_000_000);
    assertThat(over.halt()).isEqualTo(HaltReason.STACK_OVERFLOW);
  }

  @Test
  void stackUnderflowAndInvalidJump() {
    assertThat(call(stateWith("01"), 1000).halt()).isEqualTo(HaltReason.STACK_UNDERFLOW);
    // PUSH1 3 JUMP PUSH1 0x5b (the 0x5b is push data, not a JUMPDEST)
    assertThat(call(stateWith("600356605b"), 1000).halt()).isEqualTo(HaltReason.INVALID_JUMP);
    assertThat(call(stateWith("600456005b00"), 1000).status()).isEqualTo(CallResult.Status.SUCCESS);
  }

  /** The per-opcode checks share one branch; when several fail, the reason is still the first in EVM order. */
  @Test
  void haltReasonFollowsTheCheckOrderWhenSeveralFail() {
    // 0x0c is undefined: INVALID_OPCODE even with an empty stack and no gas left.
    assertThat(call(stateWith("0c"), 0).halt()).isEqualTo(HaltReason.INVALID_OPCODE);
    // ADD on an empty stack with no gas: underflow comes before gas.
    assertThat(call(stateWith("01"), 0).halt()).isEqualTo(HaltReason.STACK_UNDERFLOW);
    // The 1025th PUSH0 with exactly the gas of 1024: overflow comes before gas.
    assertThat(call(stateWith("5f".repeat(1025) + "00"), 2 * 1024).halt()).isEqualTo(HaltReason.STACK_OVERFLOW);
    // PUSH1 with 2 gas: out of gas; with 3 it runs.
    assertThat(call(stateWith("600100"), 2).halt()).isEqualTo(HaltReason.OUT_OF_GAS);
    assertThat(call(stateWith("600100"), 3).isSuccess()).isTrue();
  }

  /** PUSH1..PUSH32 read big-endian; a PUSH cut off by the end of the code still runs (into STOP). */
  @Test
  void pushOfEveryLengthAndTruncatedAtTheEnd() {
    String bytes = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    for (int len = 1; len <= 32; len++) {
      String data = bytes.substring(0, 2 * len);
      // PUSHlen data, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
      CallResult r = call(stateWith(Hex.encode(new byte[] {(byte) (0x5f + len)}) + data + "60005260206000f3"), 100_000);
      assertThat(Hex.encode(r.output())).as("PUSH%d", len).isEqualTo("00".repeat(32 - len) + data);
    }
    for (int len = 1; len <= 32; len++) {
      // PUSHlen with one of its bytes present ends the code: its value is never seen (STOP follows), but the
      // read past the end must stay inside the padding and the call must succeed with the push's gas charged.
      CallResult r = call(stateWith(Hex.encode(new byte[] {(byte) (0x5f + len), (byte) 0xab})), 100);
      assertThat(r.isSuccess()).as("truncated PUSH%d", len).isTrue();
      assertThat(r.gasLeft()).isEqualTo(97);
    }
  }

  @Test
  void sstoreChargesColdSetAndRevertsOnHalt() {
    InMemoryWorldState s = stateWith("6001600055"); // SSTORE(0, 1) then runs off the end: STOP
    CallResult r = call(s, 100_000);
    assertThat(r.isSuccess()).isTrue();
    assertThat(100_000 - r.gasLeft()).isEqualTo(3 + 3 + 2100 + 20_000);
    assertThat(s.storage(CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ONE);

    InMemoryWorldState t = stateWith("6001600055fe"); // same, then INVALID: the write is undone
    assertThat(call(t, 100_000).halt()).isEqualTo(HaltReason.INVALID_OPCODE);
    assertThat(t.storage(CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void sstoreNeedsMoreThanTheStipend() {
    assertThat(call(stateWith("6001600055"), 2306).halt()).isEqualTo(HaltReason.OUT_OF_GAS); // 2300 left at SSTORE
  }

  @Test
  void expChargesPerExponentByte() {
    // PUSH2 0x0100 (exponent), PUSH1 2, EXP, STOP
    CallResult r = call(stateWith("61010060020a00"), 10_000);
    assertThat(10_000 - r.gasLeft()).isEqualTo(3 + 3 + 10 + 50 * 2);
  }
}
