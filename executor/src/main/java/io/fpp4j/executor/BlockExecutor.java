package io.fpp4j.executor;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.Message;
import io.fpp4j.evm.TxContext;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.TrieWorldState;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.InvalidTransactionException;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.primitives.tx.TxType;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Builds and executes one L2 block from its parent header and payload attributes, statelessly: state is
 * read through a {@link ChainSource} as execution needs it (and hinted through the {@link TrieHinter}),
 * then the header is assembled and so the block hash (kona-executor's job in a fault-proof program).
 *
 * <p>Per block, in order: Canyon's create2 deployer on its activation block; the pre-block system calls (Ecotone's EIP-4788 beacon root, Isthmus's EIP-2935
 * parent hash); then the transactions, deposits first as derivation puts them; then the state root and
 * the header. An invalid user transaction ends the block with an error naming its index and reason;
 * a deposit is always included (a failing one still bumps the sender's nonce and keeps the mint). From Jovian a
 * user transaction whose DA footprint ({@link DaFootprint}) would take the block's past its gas limit also ends the
 * block with an error, and the header's {@code blobGasUsed} is the block's DA footprint.
 */
public final class BlockExecutor {
  /** The L2-to-L1 message passer: from Isthmus, its storage root is the header's withdrawals root. */
  public static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");
  static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  static final Address BEACON_ROOTS = Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  static final Address HISTORY_STORAGE = Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935");
  /** EIP-4788 and EIP-2935 system calls run with this much gas, outside the block's gas. */
  private static final long SYSTEM_CALL_GAS = 30_000_000L;
  /** EIP-1559's (and op-geth's) lower bound for a block gas limit. */
  static final long MIN_GAS_LIMIT = 5000;
  /** sha256 of nothing: EIP-7685's requests hash of a block without requests (OP has none). */
  static final Bytes32 EMPTY_REQUESTS_HASH = Bytes32.wrap(Hashing.sha256(new byte[0]));

  private final RollupConfig config;
  private final ChainSource source;
  private final TrieHinter hinter;

  public BlockExecutor(RollupConfig config, ChainSource source, TrieHinter hinter) {
    this.config = Objects.requireNonNull(config, "config");
    this.source = Objects.requireNonNull(source, "source");
    this.hinter = Objects.requireNonNull(hinter, "hinter");
  }

  /** Executes the block that {@code attributes} describe on top of {@code parent}. */
  public ExecutionResult execute(Header parent, PayloadAttributes attributes) {
    return execute(parent, attributes, null);
  }

  /**
   * As {@link #execute(Header, PayloadAttributes)}, handing every trie node of the block's post-state that the
   * executor holds to {@code newNodes} (by hash): a program executing the next block on this state needs them.
   */
  public ExecutionResult execute(Header parent, PayloadAttributes attributes, BiConsumer<Bytes32, byte[]> newNodes) {
    long ts = attributes.timestamp();
    if (Long.compareUnsigned(ts, parent.timestamp()) <= 0) {
      throw new BlockExecutionException("attributes timestamp " + Long.toUnsignedString(ts)
          + " is not after the parent's " + Long.toUnsignedString(parent.timestamp()));
    }
    if (attributes.gasLimit() < MIN_GAS_LIMIT) {
      throw new BlockExecutionException("attributes gas limit " + Long.toUnsignedString(attributes.gasLimit())
          + " is out of range [" + MIN_GAS_LIMIT + ", 2^63-1]");
    }
    if (parent.baseFeePerGas() == null) {
      throw new BlockExecutionException("parent block " + parent.number() + " has no base fee (pre-London)");
    }
    OpForkRules rules = OpForkRules.at(config, ts);
    if (rules.ecotone() && attributes.parentBeaconBlockRoot() == null) {
      throw new BlockExecutionException("attributes lack parentBeaconBlockRoot, required from Ecotone");
    }
    if (rules.holocene() && attributes.eip1559Params() == null) {
      throw new BlockExecutionException("attributes lack eip1559Params, required from Holocene");
    }
    if (rules.jovian() && attributes.minBaseFee() == null) {
      throw new BlockExecutionException("attributes lack minBaseFee, required from Jovian");
    }

    long baseFee = baseFee(parent, rules);
    Bytes extraData = rules.holocene()
        ? BaseFeeParams.fromAttributes(attributes.eip1559Params().unsafeArray(), config).encodeExtraData(rules.jovian() ? attributes.minBaseFee() : null)
        : Bytes.EMPTY;

    return build(parent, attributes, rules, baseFee, extraData,
        new TrieWorldState(parent.stateRoot(), parent.number(), source, hinter), newNodes);
  }

  private ExecutionResult build(Header parent, PayloadAttributes attributes, OpForkRules rules, long baseFee, Bytes extraData,
      TrieWorldState state, BiConsumer<Bytes32, byte[]> newNodes) {
    long ts = attributes.timestamp();
    long number = parent.number() + 1;
    BlockEnv env = new BlockEnv(attributes.suggestedFeeRecipient(), number, ts, attributes.gasLimit(),
        UInt256.ofUnsigned(baseFee), UInt256.ZERO, attributes.prevRandao(), 0, new Ancestors(parent)::hash);
    Evm evm = new Evm(new EvmConfig(rules.spec(), config.l2ChainId(), PrecompileSet.forFork(rules.precompiles())), env, state);

    if (Create2Deployer.isActivationBlock(config, ts)) Create2Deployer.deploy(state);
    if (rules.ecotone()) systemCall(evm, BEACON_ROOTS, attributes.parentBeaconBlockRoot());
    if (rules.isthmus()) systemCall(evm, HISTORY_STORAGE, parent.hash());

    OpTxHooks hooks = new OpTxHooks(rules);
    TransactionProcessor processor = new TransactionProcessor(evm, hooks);
    List<Receipt> receipts = new ArrayList<>(attributes.transactions().size());
    long cumulativeGas = 0;
    long daFootprint = 0;
    L1BlockInfo l1Info = null;
    for (int i = 0; i < attributes.transactions().size(); i++) {
      byte[] raw = attributes.transactions().get(i).unsafeArray();
      Transaction tx;
      try {
        tx = Transactions.decode2718(raw);
      } catch (RuntimeException e) {
        throw new BlockExecutionException("transaction " + i + " does not decode: " + e.getMessage(), e);
      }
      if (tx instanceof DepositTransaction d) {
        DepositOutcome out = executeDeposit(processor, state, d, rules);
        cumulativeGas += out.gasUsed;
        receipts.add(new Receipt(TxType.DEPOSIT, null, out.success, cumulativeGas, Bloom.of(out.logs), out.logs,
            rules.regolith() ? out.nonceBefore : null, rules.canyon() ? 1L : null));
        continue;
      }
      if (l1Info == null) l1Info = L1BlockInfo.read(state, rules); // after the deposits, which set this block's values
      if (Long.compareUnsigned(tx.gasLimit(), attributes.gasLimit() - cumulativeGas) > 0) {
        throw new BlockExecutionException("transaction " + i + " is invalid: gas limit " + Long.toUnsignedString(tx.gasLimit())
            + " exceeds the block's remaining gas " + (attributes.gasLimit() - cumulativeGas));
      }
      long txFootprint = rules.jovian() ? DaFootprint.of(raw, l1Info.daFootprintGasScalar()) : 0;
      if (txFootprint > attributes.gasLimit() - daFootprint) {
        throw new BlockExecutionException("transaction " + i + " is invalid: DA footprint " + txFootprint
            + " exceeds the block's remaining DA footprint " + (attributes.gasLimit() - daFootprint));
      }
      EvmTransaction etx;
      try {
        etx = UserTransactions.user(tx, config.l2ChainId());
      } catch (UserTransactions.Rejected e) {
        throw new BlockExecutionException("transaction " + i + " is invalid: " + e.getMessage(), e);
      }
      hooks.prepare(raw, l1Info);
      TxResult r;
      try {
        r = processor.execute(etx);
      } catch (InvalidTransactionException e) {
        throw new BlockExecutionException("transaction " + i + " (" + tx.hash() + ") is invalid: " + e.getMessage(), e);
      }
      cumulativeGas += r.gasUsed();
      daFootprint += txFootprint;
      receipts.add(Receipt.of(tx.type(), r.isSuccess(), cumulativeGas, r.logs()));
    }

    Bytes32 stateRoot = state.stateRoot();
    if (newNodes != null) state.forEachTrieNode(newNodes);
    List<byte[]> encodedReceipts = new ArrayList<>(receipts.size());
    Bloom bloom = Bloom.EMPTY;
    for (Receipt rc : receipts) {
      encodedReceipts.add(rc.encode2718());
      bloom = bloom.or(rc.logsBloom());
    }
    Bytes32 withdrawalsRoot = null;
    if (rules.isthmus()) withdrawalsRoot = state.committedStorageRoot(MESSAGE_PASSER);
    else if (rules.canyon()) withdrawalsRoot = Hashes.EMPTY_TRIE_ROOT;
    Header header = new Header(parent.hash(), Hashes.EMPTY_OMMERS_HASH, attributes.suggestedFeeRecipient(), stateRoot,
        OrderedTrie.root(attributes.transactions().stream().map(Bytes::unsafeArray).toList()), OrderedTrie.root(encodedReceipts), bloom, BigInteger.ZERO, number,
        attributes.gasLimit(), cumulativeGas, ts, extraData, attributes.prevRandao(), 0, baseFee, withdrawalsRoot,
        rules.jovian() ? daFootprint : rules.ecotone() ? 0L : null, rules.ecotone() ? 0L : null,
        rules.ecotone() ? attributes.parentBeaconBlockRoot() : null, rules.isthmus() ? EMPTY_REQUESTS_HASH : null);
    return new ExecutionResult(header, receipts);
  }

  /**
   * EIP-1559 with the OP parameters: from a Holocene parent, those in its {@code extraData}; before, the
   * chain's constants (Canyon's denominator once Canyon is active). After a Jovian parent, the parent's gas is
   * {@code max(gasUsed, blobGasUsed)} (its DA footprint) and the fee is floored at the minimum base fee.
   */
  long baseFee(Header parent, OpForkRules rules) {
    OpForkRules parentRules = OpForkRules.at(config, parent.timestamp());
    BaseFeeParams params = parentRules.holocene() ? BaseFeeParams.decodeExtraData(parent.extraData())
        : BaseFeeParams.fromConfig(config, rules.canyon());
    long gasUsed = parentRules.jovian() ? DaFootprint.meteredGas(parent.gasUsed(), parent.blobGasUsed()) : parent.gasUsed();
    long fee = params.nextBaseFee(parent.gasLimit(), gasUsed, parent.baseFeePerGas());
    if (rules.jovian() && parentRules.jovian()) {
      fee = Math.max(fee, BaseFeeParams.minBaseFee(parent.extraData()));
    }
    return fee;
  }

  private record DepositOutcome(boolean success, long gasUsed, List<io.fpp4j.primitives.receipt.Log> logs, long nonceBefore) {}

  /**
   * A deposit: no signature, fee or refund. Regolith counts the gas it actually used; before, the whole
   * gas limit (none for a system transaction). If it cannot be executed at all (say, its value exceeds
   * the balance even with the mint), the state is left as it was except that the mint is credited and the
   * nonce bumped, and it uses its whole gas limit.
   */
  private static DepositOutcome executeDeposit(TransactionProcessor processor, TrieWorldState state,
      DepositTransaction d, OpForkRules rules) {
    long nonceBefore = state.nonce(d.from());
    EvmTransaction etx = UserTransactions.deposit(d);
    boolean systemTx = d.isSystemTransaction() && !rules.regolith();
    try {
      if (d.isSystemTransaction() && rules.regolith()) {
        // Regolith retired system transactions: one that still claims to be is a deposit that fails.
        throw new InvalidTransactionException(InvalidTransactionException.Reason.TYPE_NOT_SUPPORTED,
            "system transaction after Regolith");
      }
      TxResult r = processor.execute(etx);
      long gasUsed = rules.regolith() ? r.gasUsed() : systemTx ? 0 : d.gasLimit();
      return new DepositOutcome(r.isSuccess(), gasUsed, r.logs(), nonceBefore);
    } catch (InvalidTransactionException e) {
      state.beginTransaction();
      UInt256 mint = etx.deposit().mint();
      if (!mint.isZero()) state.setBalance(d.from(), state.balance(d.from()).add(mint));
      state.setNonce(d.from(), nonceBefore + 1);
      state.endTransaction(true);
      return new DepositOutcome(false, systemTx ? 0 : d.gasLimit(), List.of(), nonceBefore);
    }
  }

  /** A call from the system address outside any transaction: no gas is charged and no nonce bumped. */
  private static void systemCall(Evm evm, Address contract, Bytes32 input) {
    var state = evm.state();
    state.beginTransaction();
    evm.setTxContext(new TxContext(SYSTEM_ADDRESS, UInt256.ZERO, List.of()));
    // The outcome is not checked: the system contracts do not fail on well-formed input, and before their
    // deployment (the upgrade block itself) the call reaches an account without code and does nothing.
    evm.execute(new Message(Message.Kind.CALL, SYSTEM_ADDRESS, contract, contract, UInt256.ZERO,
        input.toArray(), SYSTEM_CALL_GAS, 0, false, null));
    state.endTransaction(true);
  }

  /** Ancestor hashes for BLOCKHASH, walked back from the parent through header preimages. */
  private final class Ancestors {
    private final Map<Long, Bytes32> hashes = new HashMap<>();
    private long oldest;

    Ancestors(Header parent) {
      hashes.put(parent.number(), parent.hash());
      if (parent.number() > 0) hashes.put(parent.number() - 1, parent.parentHash());
      oldest = parent.number() > 0 ? parent.number() - 1 : 0;
    }

    Bytes32 hash(long n) {
      while (n < oldest && oldest > 0) {
        Bytes32 h = hashes.get(oldest);
        byte[] rlp = source.header(h);
        if (rlp == null) throw new BlockExecutionException("header " + h + " of block " + oldest
            + " is not available (BLOCKHASH of block " + n + ")");
        if (!source.answersVerified()) {
          Bytes32 actual = Bytes32.wrap(Hashing.keccak256(rlp));
          if (!actual.equals(h)) {
            throw new BlockExecutionException("header served for " + h + " (block " + oldest + ") hashes to " + actual);
          }
        }
        Header hd = Header.decode(rlp);
        oldest--;
        hashes.put(oldest, hd.parentHash());
      }
      Bytes32 h = hashes.get(n);
      return h == null ? Bytes32.ZERO : h;
    }
  }
}
