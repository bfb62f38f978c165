package io.fpp4j.proof.l2;

import io.fpp4j.mpt.OrderedListWalker;
import io.fpp4j.mpt.StateTrieReader;
import io.fpp4j.mpt.TrieException;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.chain.BlockNumberPastHeadException;
import io.fpp4j.proof.chain.OracleReads;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HintType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * L2 chain data and state through the oracle (kona-proof {@code OracleL2ChainProvider}, op-program's L2
 * oracle), walking back from a safe head.
 *
 * <ul>
 *   <li>{@link #headerByHash}: {@code l2-block-header h}, then the keccak preimage;
 *   <li>{@link #headerByNumber}: from the head, one parent at a time, or, once Isthmus is active at the
 *       current header, straight to the target through the EIP-2935 history contract (Kona's shortcut: a
 *       storage read of slot {@code target % 8191}; any failure falls back to the parent walk for good);
 *   <li>{@link #blockByNumber}: the header, then {@code l2-transactions h} and the transactions trie;
 *   <li>{@link #codeByHash}: {@code l2-code h}, then the keccak preimage;
 *   <li>{@link #account} and {@link #storage}: the state trie under the block's state root, hinted per
 *       dialect (see {@link L2Hints});
 *   <li>{@link #outputRoot}: the block's version-0 output root, with the L2ToL1MessagePasser's storage root
 *       from the header's withdrawals root once Isthmus is active, else from the state.
 * </ul>
 */
public final class L2ChainProvider {
  /** The EIP-2935 block-hash history contract. */
  public static final Address HISTORY_STORAGE_ADDRESS = Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935");
  /** How many block hashes the history contract keeps. */
  public static final long HISTORY_SERVE_WINDOW = 8191;

  private final OracleClient oracle;
  private final Optional<RollupConfig> config; // empty: no fork schedule known, Isthmus treated as inactive
  private final long l2ChainId;
  private final Bytes32 l2Head;
  private final Dialect dialect;
  private final OptionalLong hintChainId;
  private final boolean historyShortcut;
  private final Map<Bytes32, StateTrieReader> states = new HashMap<>();

  private L2ChainProvider(Builder b) {
    this.oracle = b.oracle;
    this.config = b.config;
    this.l2ChainId = b.config.map(RollupConfig::l2ChainId).orElseGet(() -> b.chainId.orElseThrow(
        () -> new IllegalStateException("an L2ChainProvider needs a rollup config or an L2 chain id")));
    this.l2Head = b.l2Head;
    this.dialect = b.dialect;
    this.hintChainId = b.hintChainId;
    this.historyShortcut = b.historyShortcut.orElse(b.config.isPresent() && b.dialect == Dialect.KONA);
    if (historyShortcut && config.isEmpty()) {
      throw new IllegalStateException("the EIP-2935 history shortcut needs a rollup config (Isthmus activation)");
    }
  }

  /**
   * The one way to build a provider: the oracle, the head to walk back from and the hint dialect, then
   * either {@link Builder#config} (a program that knows its rollup config) or {@link Builder#chainId} (one
   * that only reads headers, blocks and state).
   */
  public static Builder builder(OracleClient oracle, Bytes32 l2Head, Dialect dialect) {
    return new Builder(oracle, l2Head, dialect);
  }

  /** Options of an {@link L2ChainProvider}; every setter takes a value, none takes null. */
  public static final class Builder {
    private final OracleClient oracle;
    private final Bytes32 l2Head;
    private final Dialect dialect;
    private Optional<RollupConfig> config = Optional.empty();
    private OptionalLong chainId = OptionalLong.empty();
    private OptionalLong hintChainId = OptionalLong.empty();
    private Optional<Boolean> historyShortcut = Optional.empty();

    private Builder(OracleClient oracle, Bytes32 l2Head, Dialect dialect) {
      this.oracle = Objects.requireNonNull(oracle, "oracle");
      this.l2Head = Objects.requireNonNull(l2Head, "l2Head");
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The chain's rollup config: its fork schedule (Isthmus) and its L2 chain id. */
    public Builder config(RollupConfig config) {
      this.config = Optional.of(Objects.requireNonNull(config, "config"));
      return this;
    }

    /**
     * The L2 chain id, for a provider without a rollup config: Isthmus counts as inactive (no history
     * shortcut; output roots read the message passer from the state). The id goes only where a hint always
     * carries one (op-program's account proof).
     */
    public Builder chainId(long l2ChainId) {
      this.chainId = OptionalLong.of(l2ChainId);
      return this;
    }

    /** Appends {@code chainId} to every L2 hint: interop's 40-byte forms. Without it, single-chain 32-byte forms. */
    public Builder hintChainId(long chainId) {
      this.hintChainId = OptionalLong.of(chainId);
      return this;
    }

    /**
     * Whether {@link #headerByNumber} may jump through the EIP-2935 contract once Isthmus is active. By
     * default, with a config in the Kona dialect only, as the peers do.
     */
    public Builder historyShortcut(boolean enabled) {
      this.historyShortcut = Optional.of(enabled);
      return this;
    }

    /** @throws IllegalStateException if neither a config nor a chain id was given, or they disagree */
    public L2ChainProvider build() {
      if (config.isPresent() && chainId.isPresent() && config.get().l2ChainId() != chainId.getAsLong()) {
        throw new IllegalStateException("chain id " + Long.toUnsignedString(chainId.getAsLong())
            + " disagrees with the rollup config's l2_chain_id " + Long.toUnsignedString(config.get().l2ChainId()));
      }
      return new L2ChainProvider(this);
    }
  }

  public Bytes32 l2Head() {
    return l2Head;
  }

  public Header headerByHash(Bytes32 hash) {
    new ChainHashHint(HintType.L2_BLOCK_HEADER, hash, hintChainId).sendTo(oracle);
    return OracleReads.header(oracle, hash, "L2");
  }

  /**
   * The header at {@code number} on the chain ending in the L2 head.
   *
   * @throws BlockNumberPastHeadException if {@code number} is above the head
   */
  public Header headerByNumber(long number) {
    Header header = headerByHash(l2Head);
    if (Long.compareUnsigned(number, header.number()) > 0) throw new BlockNumberPastHeadException(number, header.number());
    boolean linear = !historyShortcut;
    while (header.number() != number) {
      if (!linear && isIsthmus(header.timestamp())) {
        try {
          header = historyLookup(header, number);
          continue;
        } catch (ProviderException | TrieException e) {
          linear = true; // as Kona: one failed lookup (e.g. before activation) means walk from here on
        }
      }
      Header parent = headerByHash(header.parentHash());
      if (parent.number() != header.number() - 1) {
        throw new ProviderException("L2 header " + header.parentHash() + " has number "
            + Long.toUnsignedString(parent.number()) + " but is the parent of block " + Long.toUnsignedString(header.number()));
      }
      header = parent;
    }
    return header;
  }

  /** One jump through the history contract in {@code head}'s state: to {@code target}, or as far as it reaches. */
  private Header historyLookup(Header head, long target) {
    long jumpTo = head.number() - target <= HISTORY_SERVE_WINDOW ? target : head.number() - HISTORY_SERVE_WINDOW;
    Bytes32 slot = Bytes32.fromBigInteger(java.math.BigInteger.valueOf(Long.remainderUnsigned(jumpTo, HISTORY_SERVE_WINDOW)));
    Bytes32 hash = storage(head, HISTORY_STORAGE_ADDRESS, slot);
    if (hash.isZero()) {
      throw new ProviderException("EIP-2935 history of block " + head.number() + " has no hash for block " + jumpTo);
    }
    Header found = headerByHash(hash);
    if (found.number() != jumpTo) {
      throw new ProviderException("EIP-2935 history of block " + head.number() + " names " + hash + " for block "
          + jumpTo + " but that header has number " + found.number());
    }
    return found;
  }

  public L2Block blockByNumber(long number) {
    return block(headerByNumber(number));
  }

  public L2Block blockByHash(Bytes32 hash) {
    return block(headerByHash(hash));
  }

  private L2Block block(Header header) {
    Bytes32 hash = header.hash();
    new ChainHashHint(HintType.L2_TRANSACTIONS, hash, hintChainId).sendTo(oracle);
    List<Bytes> raw = OracleReads.walk("the transactions of L2 block " + hash,
        () -> OrderedListWalker.walk(header.transactionsRoot(), OracleReads.trieNodes(oracle)));
    List<Transaction> txs = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      try {
        txs.add(Transactions.decode2718(raw.get(i).toArray()));
      } catch (IllegalArgumentException e) {
        throw new ProviderException("transaction " + i + " of L2 block " + hash + " does not decode: " + e.getMessage(), e);
      }
    }
    return new L2Block(header, hash, txs);
  }

  public byte[] codeByHash(Bytes32 codeHash) {
    new ChainHashHint(HintType.L2_CODE, codeHash, hintChainId).sendTo(oracle);
    return OracleReads.keccakPreimage(oracle, codeHash, "L2 code");
  }

  /** The account at {@code address} in the state after block {@code at}, or empty if there is none. */
  public Optional<Account> account(Header at, Address address) {
    return OracleReads.walk("account " + address + " at L2 block " + at.number(), () -> state(at).account(address));
  }

  /** Storage slot {@code slot} of {@code address} after block {@code at} (zero if absent). */
  public Bytes32 storage(Header at, Address address, Bytes32 slot) {
    return OracleReads.walk("slot " + slot + " of " + address + " at L2 block " + at.number(),
        () -> state(at).storage(address, slot));
  }

  /**
   * The hints an executor sends while it builds the block after {@code parent} (reads in {@code parent}'s state),
   * in this provider's dialect.
   */
  public TrieHinter stateHints(Header parent) {
    return new L2Hints(oracle, dialect, parent, hintChainId, l2ChainId);
  }

  /**
   * Reads a trie node of {@code parent}'s state as a keccak preimage, first hinting it on its own where the dialect
   * does (op-program's {@code l2-state-node}).
   */
  public byte[] stateNode(Header parent, Bytes32 hash) {
    if (Dialect.OP_PROGRAM == dialect) new ChainHashHint(HintType.L2_STATE_NODE, hash, hintChainId).sendTo(oracle);
    return oracle.get(io.fpp4j.preimage.PreimageKey.keccak256(hash));
  }

  /** The version-0 output root of block {@code at}. */
  public Bytes32 outputRoot(Header at) {
    Bytes32 passerRoot;
    if (isIsthmus(at.timestamp()) && at.withdrawalsRoot() != null) {
      passerRoot = at.withdrawalsRoot();
    } else {
      passerRoot = account(at, OutputRoot.MESSAGE_PASSER).map(Account::storageRoot).orElse(Hashes.EMPTY_TRIE_ROOT);
    }
    return new OutputRoot(at.stateRoot(), passerRoot, at.hash()).hash();
  }

  private boolean isIsthmus(long timestamp) {
    return config.isPresent() && config.get().isIsthmusActive(timestamp);
  }

  private StateTrieReader state(Header at) {
    return states.computeIfAbsent(at.hash(), h -> {
      StateAccess access = stateAccess(at);
      return new StateTrieReader(at.stateRoot(), at.number(), access.nodes(), access.hinter());
    });
  }

  /**
   * How to read the state after block {@code at} node by node, with this provider's hint dialect: the trie
   * nodes (each one hinted first in op-program's dialect) and the hinter for account, storage and collapse
   * hints. A stateless executor building on {@code at} reads and changes its state through these.
   */
  public StateAccess stateAccess(Header at) {
    L2Hints hints = new L2Hints(oracle, dialect, at, hintChainId, l2ChainId);
    TrieProvider base = OracleReads.trieNodes(oracle);
    TrieProvider nodes = hints.hintsEachNode() ? hash -> {
      hints.hintStateNode(hash);
      return base.trieNodePreimage(hash);
    } : base;
    return new StateAccess(nodes, hints);
  }

  /** The trie-node source and the hinter for one block's state. */
  public record StateAccess(TrieProvider nodes, io.fpp4j.mpt.TrieHinter hinter) {
    public StateAccess {
      Objects.requireNonNull(nodes, "nodes");
      Objects.requireNonNull(hinter, "hinter");
    }
  }
}
