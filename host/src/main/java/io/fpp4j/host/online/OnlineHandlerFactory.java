package io.fpp4j.host.online;

import io.fpp4j.host.HintHandlerFactory;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.ChainInputs;
import io.fpp4j.host.local.KonaSingleChainInputs;
import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.local.KonaInteropInputs;
import io.fpp4j.host.local.OpProgramInputs;
import io.fpp4j.host.local.OpProgramInteropInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.HintKind;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.proof.boot.RollupConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.time.Duration;
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
  private final HostPrecompiles precompiles;

  public OnlineHandlerFactory() {
    this(JsonRpcClient.DEFAULT_TIMEOUT, HostPrecompiles.standard());
  }

  /** @param timeout the limit for each remote call */
  public OnlineHandlerFactory(Duration timeout, HostPrecompiles precompiles) {
    this.timeout = timeout;
    this.precompiles = precompiles;
  }

  @Override
  public HintHandlerRegistry create(ChainInputs inputs, OnlineEndpoints endpoints) {
    EthSource l1 = new EthSource(new JsonRpcClient(endpoints.l1(), "L1 execution node", timeout), "L1");
    EthSource l2 = new EthSource(new JsonRpcClient(endpoints.l2(), "L2 execution node", timeout), "L2");
    BeaconClient beacon = new BeaconClient(endpoints.beacon(), timeout);
    HintHandlerRegistry.Builder b = HintHandlerRegistry.builder();
    BlockHandlers l1Blocks = new BlockHandlers(l1, false);
    b.register("l1-block-header", l1Blocks.header())
        .register("l1-transactions", l1Blocks.transactions())
        .register("l1-receipts", l1Blocks.receipts())
        .register("l1-blob", new BlobHandler(beacon));
    BlockHandlers l2Blocks = new BlockHandlers(l2, true);
    L2StateHandlers state = new L2StateHandlers(l2);
    if (inputs instanceof KonaSingleChainInputs kona) {
      boolean witness = Boolean.parseBoolean(endpoints.options().getOrDefault("enable-experimental-witness-endpoint", "false"));
      b.register("l1-precompile", new PrecompileHandler(precompiles, PrecompileHandler.Layout.WITH_GAS))
          .register("l2-block-header", l2Blocks.header())
          .register("l2-transactions", l2Blocks.transactions())
          .register("l2-code", state.code())
          .register("starting-l2-output", new OutputRootHandler(l2, kona.agreedL2HeadHash(), kona.agreedL2OutputRoot()))
          .register("l2-state-node", state.stateNode())
          .register("l2-account-proof", state.konaAccountProof())
          .register("l2-account-storage-proof", state.konaStorageProof())
          .register("l2-payload-witness", HintKind.BULK, new PayloadWitnessHandler(witness ? l2 : null,
              PayloadWitnessHandler.Layout.KONA, "--enable-experimental-witness-endpoint is not set"));
    } else if (inputs instanceof OpProgramInputs op) {
      EthSource witnessSource = experimentalSource(endpoints);
      b.register("l1-precompile", new PrecompileHandler(precompiles, PrecompileHandler.Layout.LEGACY))
          .register("l1-precompile-v2", new PrecompileHandler(precompiles, PrecompileHandler.Layout.WITH_GAS))
          .register("l2-block-header", l2Blocks.headerAndTransactions())
          .register("l2-transactions", l2Blocks.headerAndTransactions())
          .register("l2-receipts", l2Blocks.receipts())
          .register("l2-code", state.code())
          .register("l2-state-node", state.stateNode())
          .register("l2-output", new OutputRootHandler(l2, op.l2Head(), null))
          .register("l2-account-proof", HintKind.BULK, state.opProgramAccountProof())
          .register("l2-payload-witness", HintKind.BULK, new PayloadWitnessHandler(witnessSource,
              PayloadWitnessHandler.Layout.OP_PROGRAM_JSON, "no --l2.experimental endpoint is configured"))
          .register("l2-block-data", HintKind.EAGER, new BlockDataHandler(l2));
    } else if (inputs instanceof OpProgramInteropInputs interop) {
      registerInterop(b, interop, endpoints);
    } else if (inputs instanceof KonaInteropInputs interop) {
      registerKonaInterop(b, interop, endpoints);
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
  private void registerInterop(HintHandlerRegistry.Builder b, OpProgramInteropInputs interop, OnlineEndpoints endpoints) {
    L2Chains chains = l2Chains(endpoints);
    Map<Long, RollupConfig> rollups = interop.rollupsByChain();
    AgreedPrestate prestate = interop.prestate();
    EthSource witnessSource = experimentalSource(endpoints);
    b.register("l1-precompile", new PrecompileHandler(precompiles, PrecompileHandler.Layout.LEGACY))
        .register("l1-precompile-v2", new PrecompileHandler(precompiles, PrecompileHandler.Layout.WITH_GAS))
        .register("l2-block-header", chains.route(32, node -> new BlockHandlers(node, true).headerAndTransactions()))
        .register("l2-transactions", chains.route(32, node -> new BlockHandlers(node, true).headerAndTransactions()))
        .register("l2-receipts", chains.route(32, node -> new BlockHandlers(node, true).receipts()))
        .register("l2-code", chains.route(32, node -> new L2StateHandlers(node).code()))
        .register("l2-state-node", chains.route(32, node -> new L2StateHandlers(node).stateNode()))
        .register("l2-output", chains.route(32, interopOutput(rollups, prestate, "--rollup.config")))
        .register("l2-account-proof", HintKind.BULK, chains.route(52, node -> new L2StateHandlers(node).opProgramAccountProof()))
        .register("l2-payload-witness", HintKind.BULK, new PayloadWitnessHandler(witnessSource,
            PayloadWitnessHandler.Layout.OP_PROGRAM_JSON, "no --l2.experimental endpoint is configured"))
        .register("l2-block-data", HintKind.EAGER, chains.route(64, BlockDataHandler::new))
        .register("agreed-pre-state", new AgreedPrestateHandler(prestate));
  }

  /**
   * kona-host's interop hints ({@code super}): Kona's single-chain L1 and L2 hints, each L2 one ending in the chain
   * id that routes it (required, as kona-host requires it), plus {@code agreed-pre-state}, {@code l2-receipts},
   * {@code l2-output-root} at the pre-state's timestamp and the proactive {@code l2-block-data}.
   */
  private void registerKonaInterop(HintHandlerRegistry.Builder b, KonaInteropInputs interop, OnlineEndpoints endpoints) {
    L2Chains chains = l2Chains(endpoints);
    Map<Long, RollupConfig> rollups = interop.rollupsByChain();
    boolean witness = Boolean.parseBoolean(endpoints.options().getOrDefault("enable-experimental-witness-endpoint", "false"));
    b.register("l1-precompile", new PrecompileHandler(precompiles, PrecompileHandler.Layout.WITH_GAS))
        .register("l2-block-header", chains.route(32, true, node -> new BlockHandlers(node, true).header()))
        .register("l2-transactions", chains.route(32, true, node -> new BlockHandlers(node, true).transactions()))
        .register("l2-receipts", chains.route(32, true, node -> new BlockHandlers(node, true).receipts()))
        .register("l2-code", chains.route(32, true, node -> new L2StateHandlers(node).code()))
        .register("l2-state-node", chains.route(32, true, node -> new L2StateHandlers(node).stateNode()))
        .register("l2-account-proof", chains.route(28, true, node -> new L2StateHandlers(node).konaAccountProof()))
        .register("l2-account-storage-proof", chains.route(60, true, node -> new L2StateHandlers(node).konaStorageProof()))
        .register("l2-payload-witness", HintKind.BULK, chains.route(-8, true, node -> new PayloadWitnessHandler(witness ? node : null,
            PayloadWitnessHandler.Layout.KONA, "--enable-experimental-witness-endpoint is not set")))
        .register("agreed-pre-state", new AgreedPrestateHandler(interop.prestate()))
        .register("l2-output-root", chains.route(32, interopOutput(rollups, interop.prestate(), "--rollup-config-paths")))
        .register("l2-block-data", HintKind.EAGER, chains.route(64, true, BlockDataHandler::new));
  }

  private L2Chains l2Chains(OnlineEndpoints endpoints) {
    List<EthSource> nodes = new ArrayList<>();
    for (String url : urls(endpoints.options().getOrDefault("l2", endpoints.l2()))) {
      nodes.add(new EthSource(new JsonRpcClient(url, "L2 execution node", timeout), "L2"));
    }
    return new L2Chains(nodes);
  }

  /** The interop output of a chain at the pre-state's timestamp, with that chain's rollup config. */
  private static Function<EthSource, HintHandler> interopOutput(Map<Long, RollupConfig> rollups,
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
  private EthSource experimentalSource(OnlineEndpoints endpoints) {
    String experimental = endpoints.options().get("l2.experimental");
    if (experimental == null || experimental.isBlank()) return null;
    String url = urls(experimental).stream().findFirst().orElse(experimental);
    return new EthSource(new JsonRpcClient(url, "experimental L2 node (--l2.experimental)", timeout), "L2");
  }

  private static List<String> urls(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
  }
}
