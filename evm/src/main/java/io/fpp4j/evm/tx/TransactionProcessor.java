package io.fpp4j.evm.tx;

import static io.fpp4j.evm.tx.InvalidTransactionException.Reason.*;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.CallResult;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.Gas;
import io.fpp4j.evm.Message;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.TxContext;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.WorldState;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.math.BigInteger;

/**
 * Validates a transaction against the block and the sender's account, buys its gas, executes it and
 * settles: refund (capped at a fifth of the gas used from London, a half before), the coinbase's tip,
 * the burnt base fee and blob fee, and EIP-161's deletion of touched empty accounts.
 */
public final class TransactionProcessor {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Evm evm;
  private final TxHooks hooks;

  public TransactionProcessor(Evm evm, TxHooks hooks) {
    this.evm = evm;
    this.hooks = hooks;
  }

  public TransactionProcessor(Evm evm) {
    this(evm, TxHooks.NONE);
  }

  /** The gas a transaction costs before executing anything. */
  public static long intrinsicGas(EvmTransaction tx, SpecId spec) {
    long g = tx.isCreate() ? Gas.TX_CREATE : Gas.TX;
    int zeros = 0;
    for (byte b : tx.data()) if (b == 0) zeros++;
    g += zeros * Gas.TX_DATA_ZERO + (long) (tx.data().length - zeros) * Gas.TX_DATA_NONZERO;
    for (EvmTransaction.AccessListEntry e : tx.accessList()) {
      g += Gas.ACCESS_LIST_ADDRESS + Gas.ACCESS_LIST_STORAGE_KEY * e.storageKeys().size();
    }
    if (tx.isCreate() && spec.atLeast(SpecId.SHANGHAI)) {
      g += Gas.INITCODE_WORD * ((tx.data().length + 31L) / 32); // EIP-3860
    }
    g += Gas.PER_EMPTY_ACCOUNT_COST * tx.authorizationList().size(); // EIP-7702, whether applied or not
    return g;
  }

  /**
   * EIP-7623's calldata floor: {@code 21000 + 10 * tokens}, a zero byte one token and any other byte four.
   * From Prague a transaction's gas limit must cover it and its gas used is at least it.
   */
  public static long floorDataGas(EvmTransaction tx) {
    int zeros = 0;
    for (byte b : tx.data()) if (b == 0) zeros++;
    long tokens = zeros + (long) (tx.data().length - zeros) * Gas.STANDARD_TOKEN_COST;
    return Gas.TX + Gas.TOTAL_COST_FLOOR_PER_TOKEN * tokens;
  }

  private static InvalidTransactionException invalid(InvalidTransactionException.Reason r, String msg) {
    return new InvalidTransactionException(r, msg);
  }

  private static BigInteger big(UInt256 v) {
    return v.toBigInteger();
  }

  /**
   * Executes {@code tx}. On an invalid transaction the state is unchanged and the exception names why.
   */
  public TxResult execute(EvmTransaction tx) throws InvalidTransactionException {
    SpecId spec = evm.config().spec();
    BlockEnv block = evm.block();
    WorldState state = evm.state();
    boolean london = spec.atLeast(SpecId.LONDON);
    boolean deposit = tx.deposit() != null;
    boolean prague = spec.atLeast(SpecId.PRAGUE);

    // ---- validation: nothing is written until all checks pass ----
    if ((tx.type() == 1 && !spec.atLeast(SpecId.BERLIN)) || (tx.type() == 2 && !london)
        || (tx.type() == 3 && !spec.atLeast(SpecId.CANCUN)) || (tx.type() == 4 && !prague)) {
      throw invalid(TYPE_NOT_SUPPORTED, "type " + tx.type() + " at " + spec);
    }
    if (tx.type() == 4) {
      if (tx.isCreate()) throw invalid(SET_CODE_CREATE, "a set-code transaction cannot create (EIP-7702)");
      if (tx.authorizationList().isEmpty()) {
        throw invalid(SET_CODE_EMPTY_AUTHORIZATIONS, "a set-code transaction without authorizations (EIP-7702)");
      }
    }
    if (tx.value().bitLength() > 256 || tx.maxFeePerGas().bitLength() > 256
        || tx.maxPriorityFeePerGas().bitLength() > 256 || tx.maxFeePerBlobGas().bitLength() > 256) {
      throw invalid(VALUE_TOO_LARGE, "a value, fee or blob fee does not fit 256 bits");
    }
    if (tx.nonce().compareTo(U64_MAX) > 0 || tx.gasLimit().compareTo(U64_MAX) > 0) {
      throw invalid(VALUE_TOO_LARGE, "nonce or gas limit does not fit 64 bits");
    }
    if (tx.gasLimit().compareTo(BigInteger.valueOf(block.gasLimit())) > 0) {
      throw invalid(GAS_LIMIT_EXCEEDS_BLOCK, "gas limit " + tx.gasLimit() + " > block's " + block.gasLimit());
    }
    long gasLimit = tx.gasLimit().longValueExact();
    Address sender = tx.sender();
    if (!deposit) {
      if (tx.nonce().equals(U64_MAX)) throw invalid(NONCE_MAX, "nonce 2^64-1 (EIP-2681)");
      long have = state.nonce(sender);
      int c = tx.nonce().compareTo(new BigInteger(Long.toUnsignedString(have)));
      if (c < 0) throw invalid(NONCE_TOO_LOW, "nonce " + tx.nonce() + " < account's " + Long.toUnsignedString(have));
      if (c > 0) throw invalid(NONCE_TOO_HIGH, "nonce " + tx.nonce() + " > account's " + Long.toUnsignedString(have));
      // EIP-3607, relaxed by EIP-7702: an account whose code is a delegation designator still sends.
      Code senderCode = state.code(sender);
      if (!senderCode.isEmpty() && !(prague && senderCode.delegate() != null)) {
        throw invalid(SENDER_NOT_EOA, "sender " + sender + " has code (EIP-3607)");
      }
    }
    BigInteger baseFee = london ? big(block.baseFee()) : BigInteger.ZERO;
    if (london && !deposit) {
      if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
        throw invalid(TIP_ABOVE_FEE_CAP, "priority fee " + tx.maxPriorityFeePerGas() + " > max fee " + tx.maxFeePerGas());
      }
      if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
        throw invalid(FEE_CAP_BELOW_BASE_FEE, "max fee " + tx.maxFeePerGas() + " < base fee " + baseFee);
      }
    }
    long blobGas = 0;
    BigInteger blobBaseFee = BigInteger.ZERO;
    if (tx.type() == 3) {
      if (tx.isCreate()) throw invalid(BLOB_CREATE, "a blob transaction cannot create");
      int nBlobs = tx.blobVersionedHashes().size();
      if (nBlobs == 0) throw invalid(BLOB_NONE, "a blob transaction without blobs");
      for (Bytes32 h : tx.blobVersionedHashes()) {
        if ((h.get(0) & 0xff) != Gas.VERSIONED_HASH_VERSION_KZG) throw invalid(BLOB_VERSION, "versioned hash " + h);
      }
      int maxBlobs = evm.config().blobSchedule().max();
      if (nBlobs > maxBlobs) throw invalid(BLOB_TOO_MANY, nBlobs + " blobs > " + maxBlobs);
      blobGas = nBlobs * Gas.BLOB_GAS_PER_BLOB;
      blobBaseFee = big(evm.blobBaseFee());
      if (tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0) {
        throw invalid(BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE, "max blob fee " + tx.maxFeePerBlobGas() + " < " + blobBaseFee);
      }
    }
    BigInteger gasLimitBig = BigInteger.valueOf(gasLimit);
    UInt256 extraFee = deposit ? UInt256.ZERO : hooks.extraFee(tx, block);
    BigInteger balance = big(state.balance(sender));
    if (deposit) balance = balance.add(big(tx.deposit().mint()));
    if (!deposit) {
      BigInteger maxCost = gasLimitBig.multiply(tx.maxFeePerGas()).add(tx.value())
          .add(BigInteger.valueOf(blobGas).multiply(tx.maxFeePerBlobGas())).add(big(extraFee));
      if (balance.compareTo(maxCost) < 0) {
        throw invalid(INSUFFICIENT_FUNDS, "balance " + balance + " < max cost " + maxCost);
      }
    } else if (balance.compareTo(tx.value()) < 0) {
      throw invalid(INSUFFICIENT_FUNDS, "balance " + balance + " < value " + tx.value());
    }
    long intrinsic = intrinsicGas(tx, spec);
    if (intrinsic > gasLimit) throw invalid(INTRINSIC_GAS, "intrinsic gas " + intrinsic + " > gas limit " + gasLimit);
    // Deposits buy no gas, so the floor (a price for calldata) does not apply to them.
    long floor = prague && !deposit ? floorDataGas(tx) : 0;
    if (floor > gasLimit) throw invalid(FLOOR_DATA_GAS, "calldata floor " + floor + " > gas limit " + gasLimit + " (EIP-7623)");
    if (tx.isCreate() && spec.atLeast(SpecId.SHANGHAI) && tx.data().length > Gas.MAX_INITCODE_SIZE) {
      throw invalid(INITCODE_SIZE, "initcode of " + tx.data().length + " bytes > " + Gas.MAX_INITCODE_SIZE);
    }

    // ---- purchase ----
    BigInteger effectivePrice = london
        ? tx.maxFeePerGas().min(baseFee.add(tx.maxPriorityFeePerGas()))
        : tx.maxFeePerGas();
    if (deposit) effectivePrice = BigInteger.ZERO;
    state.beginTransaction();
    BigInteger upfront = gasLimitBig.multiply(effectivePrice).add(BigInteger.valueOf(blobGas).multiply(blobBaseFee))
        .add(big(extraFee));
    state.setBalance(sender, UInt256.fromBigInteger(balance.subtract(upfront)));
    if (!tx.isCreate()) state.setNonce(sender, state.nonce(sender) + 1);

    // ---- access lists (EIP-2929, EIP-2930, EIP-3651) ----
    state.warmAddress(sender);
    if (tx.to() != null) state.warmAddress(tx.to());
    for (Address p : evm.config().precompiles().addresses()) state.warmAddress(p);
    if (spec.atLeast(SpecId.SHANGHAI)) state.warmAddress(block.coinbase());
    for (EvmTransaction.AccessListEntry e : tx.accessList()) {
      state.warmAddress(e.address());
      for (UInt256 k : e.storageKeys()) state.warmSlot(e.address(), k);
    }

    // ---- EIP-7702: delegations are written before the call and stay if it fails ----
    if (!tx.authorizationList().isEmpty()) {
      state.addRefund(Authorizations.apply(tx.authorizationList(), state, evm.config().chainId()));
    }
    if (prague && tx.to() != null) {
      Address delegate = state.code(tx.to()).delegate();
      if (delegate != null) state.warmAddress(delegate); // warmed without charge at the top level
    }

    // ---- execution ----
    evm.setTxContext(new TxContext(sender, UInt256.fromBigInteger(effectivePrice), tx.blobVersionedHashes()));
    UInt256 value = UInt256.fromBigInteger(tx.value());
    long execGas = gasLimit - intrinsic;
    Message m = tx.isCreate()
        ? new Message(Message.Kind.CREATE, sender, null, null, value, tx.data(), execGas, 0, false, null)
        : new Message(Message.Kind.CALL, sender, tx.to(), tx.to(), value, tx.data(), execGas, 0, false, null);
    CallResult r = evm.execute(m);

    // ---- settlement ----
    long gasLeft = r.gasLeft();
    long gasUsed = gasLimit - gasLeft;
    long refund = 0;
    if (!deposit) {
      long cap = gasUsed / (london ? 5 : 2); // EIP-3529
      refund = Math.max(0, Math.min(state.refund(), cap));
      gasUsed -= refund;
      gasUsed = Math.max(gasUsed, floor); // EIP-7623: after the refund
      gasLeft = gasLimit - gasUsed;
      BigInteger back = BigInteger.valueOf(gasLeft).multiply(effectivePrice);
      state.setBalance(sender, state.balance(sender).add(UInt256.fromBigInteger(back)));
      BigInteger tipPerGas = london ? effectivePrice.subtract(baseFee) : effectivePrice;
      Address coinbase = block.coinbase();
      state.setBalance(coinbase, state.balance(coinbase).add(
          UInt256.fromBigInteger(BigInteger.valueOf(gasUsed).multiply(tipPerGas))));
      state.touch(coinbase);
    }
    TxResult result = new TxResult(r.status(), gasUsed, refund, state.logs(), r.output(), r.created(), r.halt());
    hooks.afterExecution(tx, block, state, result, extraFee);
    state.endTransaction(true);
    return result;
  }
}
