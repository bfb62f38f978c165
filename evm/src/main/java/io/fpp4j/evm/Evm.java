package io.fpp4j.evm;

import io.fpp4j.evm.state.WorldState;
import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.Arrays;

/**
 * Dispatches messages: value transfer, precompiles, contract creation with its address, collision and
 * code-deposit rules, and the depth limit; the bytecode itself runs in {@link Interpreter}. One instance
 * serves one block (or one state test) and runs one transaction at a time; it is not thread-safe.
 *
 * <p>Nested calls recurse on the Java stack, about a few hundred bytes per EVM frame; the 1024-deep
 * worst case needs a thread with a larger stack than the default (the state test runner uses 64 MiB).
 */
public final class Evm {
  static final int MAX_DEPTH = 1024;

  final EvmConfig config;
  final SpecId spec;
  final BlockEnv block;
  final WorldState state;
  final int[] gasTable;
  /** {@link OpcodeTable#checks} for this fork. */
  final long[] opChecks;
  TxContext tx;
  private final Interpreter interpreter;
  private UInt256 blobBaseFee;
  /**
   * Stacks by depth, shared by the Evm instances of one thread: at most one frame is live per depth, and a
   * frame never reads above its own stack pointer, so a reused stack needs no clearing.
   */
  private static final ThreadLocal<long[][]> STACKS = ThreadLocal.withInitial(() -> new long[MAX_DEPTH + 2][]);

  public Evm(EvmConfig config, BlockEnv block, WorldState state) {
    this.config = config;
    this.spec = config.spec();
    this.block = block;
    this.state = state;
    this.gasTable = OpcodeTable.gas(spec);
    this.opChecks = OpcodeTable.checks(spec);
    this.interpreter = new Interpreter();
  }

  public WorldState state() {
    return state;
  }

  public BlockEnv block() {
    return block;
  }

  public EvmConfig config() {
    return config;
  }

  /** BLOBBASEFEE: the block's blob base fee under this config's blob schedule, computed once. */
  public UInt256 blobBaseFee() {
    UInt256 f = blobBaseFee;
    if (f == null) blobBaseFee = f = block.blobBaseFee(config.blobSchedule());
    return f;
  }

  /**
   * The code a call into {@code a} runs: its own, or from Prague on, if it holds an EIP-7702 designator, the
   * delegate's code, read as is (a designator there is not followed again and halts on its 0xEF byte).
   */
  Code codeToRun(Address a) {
    Code code = state.code(a);
    if (spec.atLeast(SpecId.PRAGUE)) {
      Address delegate = code.delegate();
      if (delegate != null) return state.code(delegate);
    }
    return code;
  }

  /** Sets ORIGIN, GASPRICE and the blob hashes for the next transaction. */
  public void setTxContext(TxContext tx) {
    this.tx = tx;
  }

  /** The stack for a frame at {@code depth}, from the executing thread's pool. */
  long[] stackFor(int depth) {
    long[][] stacks = STACKS.get();
    long[] s = stacks[depth];
    if (s == null) stacks[depth] = s = new long[OpcodeTable.STACK_LIMIT * 4];
    return s;
  }

  /** Executes a message: a call of any kind, or a creation. */
  public CallResult execute(Message m) {
    return m.isCreate() ? create(m) : call(m);
  }

  private void transfer(Address from, Address to, UInt256 value) {
    // Zero transfers still touch both accounts: EIP-161 then deletes the recipient if it is empty.
    if (!value.isZero()) {
      state.setBalance(from, state.balance(from).sub(value));
      state.setBalance(to, state.balance(to).add(value));
    }
    state.touch(from);
    state.touch(to);
  }

  CallResult call(Message m) {
    if (m.depth() > MAX_DEPTH) return CallResult.notStarted(m.gas(), HaltReason.CALL_DEPTH);
    boolean transfers = m.kind() == Message.Kind.CALL || m.kind() == Message.Kind.CALLCODE;
    if (transfers && !m.value().isZero() && state.balance(m.caller()).compareTo(m.value()) < 0) {
      return CallResult.notStarted(m.gas(), HaltReason.INSUFFICIENT_BALANCE);
    }
    int snap = state.snapshot();
    Precompile pre = config.precompiles().get(m.codeAddress());
    switch (m.kind()) {
      case CALL -> {
        if (!state.exists(m.recipient())) {
          // EIP-161: a zero-value call to a non-existent non-precompile creates nothing.
          if (pre == null && m.value().isZero()) return CallResult.success(m.gas(), CallResult.NO_OUTPUT);
          state.createAccount(m.recipient());
        }
        transfer(m.caller(), m.recipient(), m.value());
      }
      case CALLCODE -> transfer(m.caller(), m.caller(), m.value());
      case STATICCALL -> state.touch(m.recipient()); // a zero-value touch, as geth's AddBalance(0)
      default -> { }
    }
    CallResult r;
    if (pre != null) {
      r = runPrecompile(pre, m);
    } else {
      Code code = codeToRun(m.codeAddress());
      if (code.isEmpty()) return CallResult.success(m.gas(), CallResult.NO_OUTPUT);
      r = interpreter.run(new Frame(m, code, stackFor(m.depth())), this);
    }
    if (r.status() != CallResult.Status.SUCCESS) state.revertTo(snap);
    return r;
  }

  private static CallResult runPrecompile(Precompile p, Message m) {
    long cost = p.gas(m.input());
    if (cost > m.gas()) return CallResult.halt(HaltReason.OUT_OF_GAS);
    try {
      return CallResult.success(m.gas() - cost, p.run(m.input()));
    } catch (PrecompileFailure e) {
      return CallResult.halt(HaltReason.PRECOMPILE_FAILURE);
    }
  }

  /** The address CREATE gives: the last 20 bytes of {@code keccak(rlp([sender, nonce]))}. */
  public static Address createAddress(Address sender, long nonce) {
    byte[] rlp = new RlpWriter(32).startList().writeAddress(sender).writeLong(nonce).endList().toByteArray();
    return Address.wrap(Arrays.copyOfRange(Hashing.keccak256(rlp), 12, 32));
  }

  /** The address CREATE2 gives: {@code keccak(0xff ++ sender ++ salt ++ keccak(initcode))[12:]}. */
  public static Address create2Address(Address sender, UInt256 salt, byte[] initcode) {
    byte[] buf = new byte[85];
    buf[0] = (byte) 0xff;
    System.arraycopy(sender.toArray(), 0, buf, 1, 20);
    salt.writeTo(buf, 21);
    System.arraycopy(Hashing.keccak256(initcode), 0, buf, 53, 32);
    return Address.wrap(Arrays.copyOfRange(Hashing.keccak256(buf), 12, 32));
  }

  /**
   * A creation. The creator's nonce is incremented here (for CREATE/CREATE2 and for creation transactions
   * alike), before the snapshot, so a failed creation still uses up the nonce.
   */
  CallResult create(Message m) {
    if (m.depth() > MAX_DEPTH) return CallResult.notStarted(m.gas(), HaltReason.CALL_DEPTH);
    if (state.balance(m.caller()).compareTo(m.value()) < 0) {
      return CallResult.notStarted(m.gas(), HaltReason.INSUFFICIENT_BALANCE);
    }
    long nonce = state.nonce(m.caller());
    if (nonce == -1L) return CallResult.notStarted(m.gas(), HaltReason.NONCE_OVERFLOW); // EIP-2681: 2^64-1
    state.setNonce(m.caller(), nonce + 1);
    Address address = m.kind() == Message.Kind.CREATE2
        ? create2Address(m.caller(), m.salt(), m.input())
        : createAddress(m.caller(), nonce);
    state.warmAddress(address);
    // A collision (EIP-684, with EIP-7610's storage rule) consumes all the gas.
    if (state.nonce(address) != 0 || !state.code(address).isEmpty() || state.hasStorage(address)) {
      return CallResult.halt(HaltReason.CREATE_COLLISION);
    }
    int snap = state.snapshot();
    state.createAccount(address);
    state.markCreated(address);
    state.setNonce(address, 1); // EIP-161
    transfer(m.caller(), address, m.value());
    Message init = new Message(m.kind(), m.caller(), address, address, m.value(), CallResult.NO_OUTPUT, m.gas(),
        m.depth(), false, m.salt());
    Code initcode = Code.of(m.input());
    CallResult r = initcode.isEmpty()
        ? CallResult.success(m.gas(), CallResult.NO_OUTPUT)
        : interpreter.run(new Frame(init, initcode, stackFor(m.depth())), this);
    if (r.status() == CallResult.Status.SUCCESS) {
      byte[] code = r.output();
      HaltReason bad = null;
      long deposit = Gas.CODE_DEPOSIT_BYTE * code.length;
      if (code.length > Gas.MAX_CODE_SIZE) bad = HaltReason.CODE_SIZE_LIMIT;
      else if (code.length > 0 && (code[0] & 0xff) == 0xef && spec.atLeast(SpecId.LONDON)) bad = HaltReason.INVALID_CODE_PREFIX; // EIP-3541
      else if (deposit > r.gasLeft()) bad = HaltReason.OUT_OF_GAS;
      if (bad != null) {
        state.revertTo(snap);
        return CallResult.halt(bad);
      }
      state.setCode(address, Code.of(code));
      return new CallResult(CallResult.Status.SUCCESS, r.gasLeft() - deposit, CallResult.NO_OUTPUT, address, null);
    }
    state.revertTo(snap);
    return r;
  }
}
