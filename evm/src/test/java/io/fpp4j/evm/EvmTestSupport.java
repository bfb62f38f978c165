package io.fpp4j.evm;

import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.util.List;
import java.util.Map;

/** A small world for unit tests: one contract under test, a funded caller, a Cancun block. */
final class EvmTestSupport {
  static final Address CALLER = Address.fromHex("0x1000000000000000000000000000000000000001");
  static final Address CONTRACT = Address.fromHex("0x2000000000000000000000000000000000000002");
  static final Address COINBASE = Address.fromHex("0x3000000000000000000000000000000000000003");

  private EvmTestSupport() {}

  static BlockEnv block() {
    return new BlockEnv(COINBASE, 1, 1000, 30_000_000, UInt256.ofUnsigned(7), UInt256.ZERO, Bytes32.ZERO, 0,
        n -> Bytes32.ZERO);
  }

  static InMemoryWorldState stateWith(String codeHex) {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(CALLER, 0, UInt256.fromHex("0xffffffffffffffffffff"), Code.EMPTY, Map.of());
    s.putAccount(CONTRACT, 0, UInt256.ZERO, Code.of(Hex.decode(codeHex)), Map.of());
    return s;
  }

  static Evm evm(InMemoryWorldState state) {
    Evm evm = new Evm(new EvmConfig(SpecId.CANCUN, 1, PrecompileSet.of(Map.of())), block(), state);
    evm.setTxContext(new TxContext(CALLER, UInt256.ONE, List.of()));
    return evm;
  }

  /** Calls CONTRACT with {@code gas}, outside any transaction. */
  static CallResult call(InMemoryWorldState state, long gas) {
    state.beginTransaction();
    return evm(state).execute(new Message(Message.Kind.CALL, CALLER, CONTRACT, CONTRACT, UInt256.ZERO, new byte[0],
        gas, 0, false, null));
  }
}
