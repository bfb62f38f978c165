package io.fpp4j.evm.statetest;

import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.InvalidTransactionException;
import io.fpp4j.evm.tx.InvalidTransactionException.Reason;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one state test case (a test, a fork and one of its post entries) and compares the outcome. */
public final class StateTestRunner {
  /** Chain id of the state tests. */
  public static final long CHAIN_ID = 1;

  /**
   * Nested calls recurse on the Java stack; 1024 EVM frames deep need more than a default thread stack, so
   * cases run on one thread with a 512 MiB stack (reserved address space, committed only as used).
   */
  private static final ExecutorService DEEP = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(null, r, "evm-statetest", 512L << 20);
    t.setDaemon(true);
    return t;
  });

  /** One case's outcome. {@code error} is empty on a pass, else says what differed. */
  public record Result(String name, String fork, int index, boolean pass, Bytes32 stateRoot, Bytes32 logsHash,
      String error, long gasUsed) {}

  private static final Map<String, Set<Reason>> EXCEPTIONS = Map.ofEntries(
      Map.entry("TR_TypeNotSupported", EnumSet.of(Reason.TYPE_NOT_SUPPORTED)),
      Map.entry("TransactionException.TYPE_3_TX_PRE_FORK", EnumSet.of(Reason.TYPE_NOT_SUPPORTED)),
      Map.entry("TR_NoFunds", EnumSet.of(Reason.INSUFFICIENT_FUNDS)),
      Map.entry("TR_NoFundsX", EnumSet.of(Reason.INSUFFICIENT_FUNDS)),
      Map.entry("TransactionException.INSUFFICIENT_ACCOUNT_FUNDS", EnumSet.of(Reason.INSUFFICIENT_FUNDS)),
      // "no funds or gas": the fillers use it where either the balance or a gas figure is out of range.
      Map.entry("TR_NoFundsOrGas", EnumSet.of(Reason.INSUFFICIENT_FUNDS, Reason.INTRINSIC_GAS,
          Reason.GAS_LIMIT_EXCEEDS_BLOCK, Reason.VALUE_TOO_LARGE)),
      Map.entry("SenderNotEOA", EnumSet.of(Reason.SENDER_NOT_EOA)),
      Map.entry("IntrinsicGas", EnumSet.of(Reason.INTRINSIC_GAS)),
      Map.entry("TR_IntrinsicGas", EnumSet.of(Reason.INTRINSIC_GAS)),
      Map.entry("TR_RLP_WRONGVALUE", EnumSet.of(Reason.VALUE_TOO_LARGE)),
      Map.entry("TR_FeeCapLessThanBlocks", EnumSet.of(Reason.FEE_CAP_BELOW_BASE_FEE)),
      Map.entry("TransactionException.INSUFFICIENT_MAX_FEE_PER_GAS", EnumSet.of(Reason.FEE_CAP_BELOW_BASE_FEE)),
      Map.entry("TR_NonceHasMaxValue", EnumSet.of(Reason.NONCE_MAX)),
      Map.entry("TR_GasLimitReached", EnumSet.of(Reason.GAS_LIMIT_EXCEEDS_BLOCK)),
      Map.entry("TR_TipGtFeeCap", EnumSet.of(Reason.TIP_ABOVE_FEE_CAP)),
      Map.entry("TransactionException.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH", EnumSet.of(Reason.BLOB_VERSION)),
      Map.entry("TR_BLOBVERSION_INVALID", EnumSet.of(Reason.BLOB_VERSION)),
      Map.entry("TransactionException.INITCODE_SIZE_EXCEEDED", EnumSet.of(Reason.INITCODE_SIZE)),
      Map.entry("TR_InitCodeLimitExceeded", EnumSet.of(Reason.INITCODE_SIZE)),
      Map.entry("TransactionException.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS",
          EnumSet.of(Reason.BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE)),
      Map.entry("TransactionException.TYPE_3_TX_ZERO_BLOBS", EnumSet.of(Reason.BLOB_NONE)),
      Map.entry("TR_EMPTYBLOB", EnumSet.of(Reason.BLOB_NONE)),
      Map.entry("TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED", EnumSet.of(Reason.BLOB_TOO_MANY)),
      Map.entry("TR_BLOBLIST_OVERSIZE", EnumSet.of(Reason.BLOB_TOO_MANY)),
      Map.entry("TR_BLOBCREATE", EnumSet.of(Reason.BLOB_CREATE)),
      // Prague's names (execution-spec-tests' TransactionException).
      Map.entry("TransactionException.TYPE_4_TX_PRE_FORK", EnumSet.of(Reason.TYPE_NOT_SUPPORTED)),
      Map.entry("TransactionException.TYPE_4_TX_CONTRACT_CREATION", EnumSet.of(Reason.SET_CODE_CREATE)),
      Map.entry("TransactionException.TYPE_4_EMPTY_AUTHORIZATION_LIST",
          EnumSet.of(Reason.SET_CODE_EMPTY_AUTHORIZATIONS)),
      Map.entry("TransactionException.INTRINSIC_GAS_TOO_LOW", EnumSet.of(Reason.INTRINSIC_GAS)),
      Map.entry("TransactionException.INTRINSIC_GAS_BELOW_FLOOR_GAS_COST", EnumSet.of(Reason.FLOOR_DATA_GAS)));

  private final Function<SpecId, PrecompileSet> precompiles;
  private final Map<SpecId, EvmConfig> configs = new java.util.concurrent.ConcurrentHashMap<>();

  /** @param precompiles the precompile table for each fork */
  public StateTestRunner(Function<SpecId, PrecompileSet> precompiles) {
    this.precompiles = precompiles;
  }

  /** True if {@code reason} is one of those {@code expected} names (alternatives separated by {@code |}). */
  static boolean matches(String expected, Reason reason) {
    for (String alt : expected.split("\\|")) {
      Set<Reason> ok = EXCEPTIONS.get(alt.trim());
      if (ok != null && ok.contains(reason)) return true;
    }
    return false;
  }

  /** keccak256 of the RLP list of logs: the state tests' {@code logs} field. */
  public static Bytes32 logsHash(List<Log> logs) {
    RlpWriter w = new RlpWriter().startList();
    for (Log l : logs) l.writeTo(w);
    return Bytes32.wrap(Hashing.keccak256(w.endList().toByteArray()));
  }

  /** Runs {@code post} of {@code test} on a thread whose stack fits 1024 nested calls. */
  public Result run(StateTest test, StateTest.Post post) {
    Callable<Result> c = () -> runHere(test, post);
    Future<Result> f = DEEP.submit(c);
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + test.name(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return new Result(test.name(), post.fork(), post.index(), false, Bytes32.ZERO, Bytes32.ZERO,
          "crashed: " + cause, 0);
    }
  }

  /** Runs {@code post} on the calling thread. */
  public Result runHere(StateTest test, StateTest.Post post) {
    SpecId spec = SpecId.fromTestName(post.fork());
    if (spec == null) throw new IllegalArgumentException("fork " + post.fork() + " is not supported");
    InMemoryWorldState state = test.preState();
    EvmConfig config = configs.computeIfAbsent(spec, sp -> new EvmConfig(sp, CHAIN_ID, precompiles.apply(sp)));
    Evm evm = new Evm(config, test.blockEnv(), state);
    EvmTransaction tx = test.transaction(post);
    String error = "";
    List<Log> logs = List.of();
    long gasUsed = 0;
    try {
      TxResult res = new TransactionProcessor(evm).execute(tx);
      logs = res.logs();
      gasUsed = res.gasUsed();
      if (post.expectException() != null) error = "expected exception " + post.expectException() + ", got none";
    } catch (InvalidTransactionException e) {
      if (post.expectException() == null) error = "unexpected invalid transaction: " + e.getMessage();
      else if (!matches(post.expectException(), e.reason())) {
        error = "expected exception " + post.expectException() + ", got " + e.getMessage();
      }
    }
    Bytes32 root = state.stateRoot();
    Bytes32 lh = logsHash(logs);
    if (error.isEmpty() && !root.equals(post.hash())) error = "state root " + root + ", want " + post.hash();
    if (error.isEmpty() && !lh.equals(post.logs())) error = "logs hash " + lh + ", want " + post.logs();
    return new Result(test.name(), post.fork(), post.index(), error.isEmpty(), root, lh, error, gasUsed);
  }
}
