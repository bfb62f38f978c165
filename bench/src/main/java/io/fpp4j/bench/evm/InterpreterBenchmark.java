package io.fpp4j.bench.evm;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.CallResult;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.Message;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.TxContext;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter loop on two hand-built contracts, reported per executed opcode (so {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes allocated per opcode):
 * <ul>
 *   <li>{@code arithmetic}: a countdown loop with SUB, MUL, ADD, DUP, SWAP, POP and JUMPI, 13 opcodes per turn;
 *   <li>{@code keccak}: hashes 64 bytes of memory and stores the hash back, 12 opcodes per turn.
 * </ul>
 * {@code java -jar bench/target/benchmarks.jar InterpreterBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBenchmark {
  static final int TURNS = 10_000;
  static final int ARITHMETIC_OPS = 13 * TURNS + 2;
  static final int KECCAK_OPS = 12 * TURNS + 2;

  private static final Address CALLER = Address.fromHex("0x1000000000000000000000000000000000000001");
  private static final Address ARITHMETIC = Address.fromHex("0x2000000000000000000000000000000000000001");
  private static final Address KECCAK = Address.fromHex("0x2000000000000000000000000000000000000002");

  // PUSH2 TURNS; loop: JUMPDEST PUSH1 1 SWAP1 SUB DUP1 PUSH1 7 MUL PUSH1 3 ADD POP DUP1 PUSH1 3 JUMPI; STOP
  static final String ARITHMETIC_CODE = String.format("61%04x", TURNS) + "5b600190038060070260030150806003" + "5700";
  // PUSH2 TURNS; loop: JUMPDEST PUSH1 64 PUSH1 0 KECCAK256 PUSH1 0 MSTORE PUSH1 1 SWAP1 SUB DUP1 PUSH1 3 JUMPI; STOP
  static final String KECCAK_CODE = String.format("61%04x", TURNS) + "5b604060002060005260019003806003" + "5700";

  private Evm evm;

  @Setup
  public void setup() {
    InMemoryWorldState state = new InMemoryWorldState();
    state.putAccount(CALLER, 0, UInt256.ofUnsigned(1L << 60), Code.EMPTY, Map.of());
    state.putAccount(ARITHMETIC, 0, UInt256.ZERO, Code.of(Hex.decode(ARITHMETIC_CODE)), Map.of());
    state.putAccount(KECCAK, 0, UInt256.ZERO, Code.of(Hex.decode(KECCAK_CODE)), Map.of());
    BlockEnv block = new BlockEnv(Address.ZERO, 1, 1, 30_000_000, UInt256.ONE, UInt256.ZERO, Bytes32.ZERO, 0,
        n -> Bytes32.ZERO);
    evm = new Evm(new EvmConfig(SpecId.CANCUN, 1, PrecompileSet.of(Map.of())), block, state);
    evm.setTxContext(new TxContext(CALLER, UInt256.ONE, List.of()));
    state.beginTransaction();
    if (!run(ARITHMETIC).isSuccess() || !run(KECCAK).isSuccess()) throw new IllegalStateException("benchmark code fails");
  }

  private CallResult run(Address contract) {
    return evm.execute(new Message(Message.Kind.CALL, CALLER, contract, contract, UInt256.ZERO, new byte[0], 10_000_000,
        0, false, null));
  }

  @Benchmark
  @OperationsPerInvocation(ARITHMETIC_OPS)
  public CallResult arithmetic() {
    return run(ARITHMETIC);
  }

  @Benchmark
  @OperationsPerInvocation(KECCAK_OPS)
  public CallResult keccak() {
    return run(KECCAK);
  }
}
