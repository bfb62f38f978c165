package io.fpp4j.host.online;

import io.fpp4j.host.HintHandlerFactory;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.ChainInputs;
import io.fpp4j.host.local.KonaSingleChainInputs;
import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.local.KonaInteropInputs;
import io.fpp4j.host.local.OpProgramInputs;
import io.fpp4j.host.local.OpProgramInteropInputs;
import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.HintKind;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.hint.BlobHint;
import io.fpp4j.proof.hint.BlockDataHint;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.KonaAccountProofHint;
import io.fpp4j.proof.hint.KonaPayloadWitnessHint;
import io.fpp4j.proof.hint.OpProgramAccountProofHint;
import io.fpp4j.proof.hint.OpProgramPayloadWitnessHint;
import io.fpp4j.proof.hint.PrecompileHint;
import io.fpp4j.proof.hint.StorageProofHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.Arrays;

/**
 * The online hint handlers of each dialect, on the given L1, L2 and beacon endpoints. Nothing is contacted
 * here; every endpoint is first used by the first hint that needs it.
 *
 * <p>Kona ({@code kona-host single}): {@code l1-block-header}, {@code l1-transactions}, {@code l1-receipts},
 * {@code l1-blob}, {@code l1-precompile} (address ‖ gas ‖ input), {@code l2-block-header},
 * {@code l2-transactions}, {@code l2-code}, {@code starting-l2-output}, {@code l2-state-node},
 * {@code l2-account-proof} and {@code l2-account-storage-proof} (by block number), and the bulk
 * {@code l2-payload-witness} (with {@code --enable-experimental-witness-endpoint}).
 *
 * <p>op-program: the same L1 hints, {@code l1-precompile} (legacy: address ‖ input) and
 * {@code l1-precompile-v2}, {@code l2-block-header} and {@code l2-transactions} (each storing header and
 * transactions), {@code l2-receipts}, {@code l2-code}, {@code l2-state-node}, {@code l2-output}, the bulk
 * {@code l2-account-proof} (by block hash) and {@code l2-payload-witness} (on {@code --l2.experimental}), and
 * the eager {@code l2-block-data}.
 *
 * <p>op-program interop ({@code --l2.agreed-prestate}): the same hints, each routed by its chain id to the
 * {@code --l2} node of that chain, with {@code l2-output} taken at the agreed pre-state's timestamp, plus
 * {@code agreed-pre-state}.
 */
public final class OnlineHandlerFactory implements HintHandlerFactory {
  private final Duration timeout;
  private final Supplier<HostPrecompiles> precompilesSource;
  private HostPrecompiles precompiles;

  /**
   * The precompiles are built on the first online run, not here: every host run constructs this factory, and
   * building them loads and verifies the signed BouncyCastle jar and sets up its curves, most of a second of an
   * offline run's start-up on a loaded machine, for nothing.
   */
  public OnlineHandlerFactory() {
    this(JsonRpcClient.DEFAULT_TIMEOUT, HostPrecompiles::standard);
  }

  /** @param timeout the limit for each remote call */
  OnlineHandlerFactory(Duration timeout, HostPrecompiles precompiles) {
    this(timeout, () -> precompiles);
  }

  private OnlineHandlerFactory(Duration timeout, Supplier<HostPrecompiles> precompilesSource) {
    this.timeout = timeout;
    this.precompilesSource = precompilesSource;
  }

  @Override
  public HintHandlerRegistry create(ChainInputs inputs, OnlineEndpoints endpoints) {
    return create(inputs, endpoints, HostMetrics.NONE);
  }

  @Override
  public HintHandlerRegistry create(ChainInputs inputs, OnlineEndpoints endpoints, HostMetrics metrics) {
    synchronized (this) {
      if (precompiles == null) precompiles = precompilesSource.get();
    }
    EthSource l1 = new EthSource(new JsonRpcClient(endpoints.l1(), "L1 execution node", timeout, "l1", metrics), "L1");
    EthSource l2 = new EthSource(new JsonRpcClient(endpoints.l2(), "L2 execution node", timeout, "l2", metrics), "L2");
    BeaconClient beacon = new BeaconClient(endpoints.beacon(), timeout, metrics);
    boolean kona = inputs instanceof KonaSingleChainInputs || inputs instanceof KonaInteropInputs;
    HintHandlerRegistry.Builder b = HintHandlerRegistry.builder(kona ? Dialect.KONA : Dialect.OP_PROGRAM);
    BlockHandlers l1Blocks = new BlockHandlers(l1);
    b.register(HintType.L1_BLOCK_HEADER, HashHint.class, l1Blocks.header())
        .register(HintType.L1_TRANSACTIONS, HashHint.class, l1Blocks.transactions())
        .register(HintType.L1_RECEIPTS, HashHint.class, l1Blocks.receipts())
        .register(HintType.L1_BLOB, BlobHint.class, new BlobHandler(beacon));
    BlockHandlers l2Blocks = new BlockHandlers(l2);
    L2StateHandlers state = new L2StateHandlers(l2);
    if (inputs instanceof KonaSingleChainInputs konaInputs) {
      boolean witness = Boolean.parseBoolean(endpoints.options().getOrDefault("enable-experimental-witness-endpoint", "false"));
      b.register(HintType.L1_PRECOMPILE, PrecompileHint.class, new PrecompileHandler(precompiles))
          .register(HintType.L2_BLOCK_HEADER, ChainHashHint.class, l2Blocks.l2Header())
          .register(HintType.L2_TRANSACTIONS, ChainHashHint.class, l2Blocks.l2Transactions())
          .register(HintType.L2_CODE, ChainHashHint.class, state.code())
          .register(HintType.STARTING_L2_OUTPUT, HashHint.class,
              new OutputRootHandler(l2, konaInputs.agreedL2HeadHash()).configured(konaInputs.agreedL2OutputRoot()))
          .register(HintType.L2_STATE_NODE, ChainHashHint.class, state.stateNode())
          .register(HintType.L2_ACCOUNT_PROOF, KonaAccountProofHint.class, state.konaAccountProof())
          .register(HintType.L2_ACCOUNT_STORAGE_PROOF, StorageProofHint.class, state.konaStorageProof())
          .register(HintType.L2_PAYLOAD_WITNESS, KonaPayloadWitnessHint.class, HintKind.BULK,
              PayloadWitnessHandler.kona(witness ? l2 : null, "--enable-experimental-witness-endpoint is not set"));
    } else if (inputs instanceof OpProgramInputs op) {
      EthSource witnessSource = experimentalSource(endpoints, metrics);
      b.register(HintType.L1_PRECOMPILE, PrecompileHint.class, new PrecompileHandler(precompiles))
          .register(HintType.L1_PRECOMPILE_V2, PrecompileHint.class, new PrecompileHandler(precompiles))
          .register(HintType.L2_BLOCK_HEADER, ChainHashHint.class, l2Blocks.l2HeaderAndTransactions())
          .register(HintType.L2_TRANSACTIONS, ChainHashHint.class, l2Blocks.l2HeaderAndTransactions())
          .register(HintType.L2_RECEIPTS, ChainHashHint.class, l2Blocks.l2Receipts())
          .register(HintType.L2_CODE, ChainHashHint.class, state.code())
          .register(HintType.L2_STATE_NODE, ChainHashHint.class, state.stateNode())
          .register(HintType.L2_OUTPUT, ChainHashHint.class, new OutputRootHandler(l2, op.l2Head()).hinted())
          .register(HintType.L2_ACCOUNT_PROOF, OpProgramAccountProofHint.class, HintKind.BULK, state.opProgramAccountProof())
          .register(HintType.L2_PAYLOAD_WITNESS, OpProgramPayloadWitnessHint.class, HintKind.BULK,
              PayloadWitnessHandler.opProgram(witnessSource, "no --l2.experimental endpoint is configured"))
          .register(HintType.L2_BLOCK_DATA, BlockDataHint.class, HintKind.EAGER, new BlockDataHandler(l2));
    } else if (inputs instanceof OpProgramInteropInputs interop) {
      registerInterop(b, interop, endpoints, metrics);
    } else if (inputs instanceof KonaInteropInputs interop) {
      registerKonaInterop(b, interop, endpoints, metrics);
    } else {
      throw new IllegalArgumentException("online fetching is not available for " + inputs.getClass().getSimpleName());
    }
    return b.build();
  }

  /**
   * op-program's interop hints: every L2 hint carries a chain id and goes to that chain's node (see
   * {@link L2Chains}); {@code agreed-pre-state} is answered from the flags; {@code l2-output} is the chain's
   * output at the pre-state's timestamp.
   */
  private void registerInterop(HintHandlerRegistry.Builder b, OpProgramInteropInputs interop, OnlineEndpoints endpoints,
                               HostMetrics metrics) {
    L2Chains chains = l2Chains(endpoints, metrics);
    Map<Long, RollupConfig> rollups = interop.rollupsByChain();
    AgreedPrestate prestate = interop.prestate();
    EthSource witnessSource = experimentalSource(endpoints, metrics);
    b.register(HintType.L1_PRECOMPILE, PrecompileHint.class, new PrecompileHandler(precompiles))
        .register(HintType.L1_PRECOMPILE_V2, PrecompileHint.class, new PrecompileHandler(precompiles))
        .register(HintType.L2_BLOCK_HEADER, ChainHashHint.class, chains.route(node -> new BlockHandlers(node).l2HeaderAndTransactions()))
        .register(HintType.L2_TRANSACTIONS, ChainHashHint.class, chains.route(node -> new BlockHandlers(node).l2HeaderAndTransactions()))
        .register(HintType.L2_RECEIPTS, ChainHashHint.class, chains.route(node -> new BlockHandlers(node).l2Receipts()))
        .register(HintType.L2_CODE, ChainHashHint.class, chains.route(node -> new L2StateHandlers(node).code()))
        .register(HintType.L2_STATE_NODE, ChainHashHint.class, chains.route(node -> new L2StateHandlers(node).stateNode()))
        .register(HintType.L2_OUTPUT, ChainHashHint.class, chains.route(interopOutput(rollups, prestate, "--rollup.config")))
        .register(HintType.L2_ACCOUNT_PROOF, OpProgramAccountProofHint.class, HintKind.BULK,
            chains.route(node -> new L2StateHandlers(node).opProgramAccountProof()))
        .register(HintType.L2_PAYLOAD_WITNESS, OpProgramPayloadWitnessHint.class, HintKind.BULK,
            PayloadWitnessHandler.opProgram(witnessSource, "no --l2.experimental endpoint is configured"))
        .register(HintType.L2_BLOCK_DATA, BlockDataHint.class, HintKind.EAGER, chains.route(BlockDataHandler::new))
        .register(HintType.AGREED_PRE_STATE, HashHint.class, new AgreedPrestateHandler(prestate));
  }

  /**
   * kona-host's interop hints ({@code super}): Kona's single-chain L1 and L2 hints, each L2 one ending in the chain
   * id that routes it (required, as kona-host requires it), plus {@code agreed-pre-state}, {@code l2-receipts},
   * {@code l2-output-root} at the pre-state's timestamp and the proactive {@code l2-block-data}.
   */
  private void registerKonaInterop(HintHandlerRegistry.Builder b, KonaInteropInputs interop, OnlineEndpoints endpoints,
                                   HostMetrics metrics) {
    L2Chains chains = l2Chains(endpoints, metrics);
    Map<Long, RollupConfig> rollups = interop.rollupsByChain();
    boolean witness = Boolean.parseBoolean(endpoints.options().getOrDefault("enable-experimental-witness-endpoint", "false"));
    b.register(HintType.L1_PRECOMPILE, PrecompileHint.class, new PrecompileHandler(precompiles))
        .register(HintType.L2_BLOCK_HEADER, ChainHashHint.class, chains.route(true, node -> new BlockHandlers(node).l2Header()))
        .register(HintType.L2_TRANSACTIONS, ChainHashHint.class, chains.route(true, node -> new BlockHandlers(node).l2Transactions()))
        .register(HintType.L2_RECEIPTS, ChainHashHint.class, chains.route(true, node -> new BlockHandlers(node).l2Receipts()))
        .register(HintType.L2_CODE, ChainHashHint.class, chains.route(true, node -> new L2StateHandlers(node).code()))
        .register(HintType.L2_STATE_NODE, ChainHashHint.class, chains.route(true, node -> new L2StateHandlers(node).stateNode()))
        .register(HintType.L2_ACCOUNT_PROOF, KonaAccountProofHint.class,
            chains.route(true, node -> new L2StateHandlers(node).konaAccountProof()))
        .register(HintType.L2_ACCOUNT_STORAGE_PROOF, StorageProofHint.class,
            chains.route(true, node -> new L2StateHandlers(node).konaStorageProof()))
        .register(HintType.L2_PAYLOAD_WITNESS, KonaPayloadWitnessHint.class, HintKind.BULK, chains.route(true,
            node -> PayloadWitnessHandler.kona(witness ? node : null, "--enable-experimental-witness-endpoint is not set")))
        .register(HintType.AGREED_PRE_STATE, HashHint.class, new AgreedPrestateHandler(interop.prestate()))
        .register(HintType.L2_OUTPUT_ROOT, ChainHashHint.class,
            chains.route(interopOutput(rollups, interop.prestate(), "--rollup-config-paths")))
        .register(HintType.L2_BLOCK_DATA, BlockDataHint.class, HintKind.EAGER, chains.route(true, BlockDataHandler::new));
  }

  private L2Chains l2Chains(OnlineEndpoints endpoints, HostMetrics metrics) {
    List<EthSource> nodes = new ArrayList<>();
    for (String url : urls(endpoints.options().getOrDefault("l2", endpoints.l2()))) {
      nodes.add(new EthSource(new JsonRpcClient(url, "L2 execution node", timeout, "l2", metrics), "L2"));
    }
    return new L2Chains(nodes);
  }

  /** The interop output of a chain at the pre-state's timestamp, with that chain's rollup config. */
  private static Function<EthSource, HintHandler<ChainHashHint>> interopOutput(Map<Long, RollupConfig> rollups,
                                                                              AgreedPrestate prestate, String flag) {
    return node -> (hint, store) -> {
      RollupConfig rollup = rollups.get(node.chainId());
      if (rollup == null) {
        throw new InvalidHintException("hint " + hint + ": no " + flag + " file is for L2 chain " + Long.toUnsignedString(node.chainId())
            + " (served by " + node.rpc().endpoint() + "); the files given are for chains " + rollups.keySet());
      }
      new InteropOutputHandler(node, rollup, prestate).handle(hint, store);
    };
  }

  /** op-program's {@code --l2.experimental} node (the first one given), or null when none is. */
  private EthSource experimentalSource(OnlineEndpoints endpoints, HostMetrics metrics) {
    String experimental = endpoints.options().get("l2.experimental");
    if (experimental == null || experimental.isBlank()) return null;
    String url = urls(experimental).stream().findFirst().orElse(experimental);
    return new EthSource(new JsonRpcClient(url, "experimental L2 node (--l2.experimental)", timeout, "l2-experimental", metrics), "L2");
  }

  private static List<String> urls(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
  }
}
