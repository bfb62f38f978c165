package io.fpp4j.evm.prague;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.statetest.StateTestMain;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.Authorization;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A small Prague world for hand-computed cases: a funded sender, base fee 10, fee cap 15 and tip 2 (so the
 * effective gas price is 12 and the coinbase earns 2 per gas), chain id 1, Ethereum's precompiles.
 */
final class PragueWorld {
  static final long CHAIN_ID = 1;
  static final BigInteger SENDER_KEY = new BigInteger("5e4d3c2b1a", 16);
  static final Address SENDER = TestKeys.address(SENDER_KEY);
  static final Address COINBASE = Address.fromHex("0x3000000000000000000000000000000000000003");
  static final Address TO = Address.fromHex("0x2000000000000000000000000000000000000002");
  static final UInt256 FUNDS = UInt256.fromHex("0xffffffffffffffffffff");
  static final BigInteger FEE_CAP = BigInteger.valueOf(15);
  static final BigInteger TIP = BigInteger.valueOf(2);

  private PragueWorld() {}

  static InMemoryWorldState state() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(SENDER, 0, FUNDS, Code.EMPTY, Map.of());
    return s;
  }

  static BlockEnv block(long excessBlobGas) {
    return new BlockEnv(COINBASE, 1, 1, 30_000_000, UInt256.ofUnsigned(10), UInt256.ZERO, Bytes32.ZERO,
        excessBlobGas, n -> Bytes32.ZERO);
  }

  static Evm evm(SpecId spec, InMemoryWorldState s) {
    return new Evm(new EvmConfig(spec, CHAIN_ID, StateTestMain.precompilesFor(spec)), block(0), s);
  }

  static TxResult run(SpecId spec, InMemoryWorldState s, EvmTransaction tx) throws Exception {
    return new TransactionProcessor(evm(spec, s)).execute(tx);
  }

  static EvmTransaction setCode(long gasLimit, Address to, List<Authorization> auths) {
    return new EvmTransaction(4, SENDER, BigInteger.ZERO, BigInteger.valueOf(gasLimit), FEE_CAP, TIP, to,
        BigInteger.ZERO, new byte[0], List.of(), List.of(), BigInteger.ZERO, null, auths);
  }

  static EvmTransaction call(long gasLimit, Address to, byte[] data, List<EvmTransaction.AccessListEntry> accessList) {
    return new EvmTransaction(2, SENDER, BigInteger.ZERO, BigInteger.valueOf(gasLimit), FEE_CAP, TIP, to,
        BigInteger.ZERO, data, accessList, List.of(), BigInteger.ZERO, null);
  }
}
