package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.proof.hint.Hint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The L2 nodes of an interop run, one per chain, and the routing of hints to them by the chain id they carry. Which node
 * serves which chain is learned from each node's {@code eth_chainId} on the first hint for a chain, as op-program
 * matches its {@code --l2} endpoints to its rollup configs. Each chain gets its own single-chain handler, which
 * checks the chain id against its node again.
 */
final class L2Chains {
  private final List<EthSource> nodes;
  private final Map<Long, EthSource> byChain = new HashMap<>();

  L2Chains(List<EthSource> nodes) {
    if (nodes.isEmpty()) throw new IllegalArgumentException("an interop run needs at least one --l2 endpoint");
    this.nodes = List.copyOf(nodes);
  }

  /** The node serving {@code chainId}. */
  synchronized EthSource node(long chainId, Hint hint) throws RpcException {
    EthSource known = byChain.get(chainId);
    if (known != null) return known;
    List<String> seen = new ArrayList<>();
    RpcException unreachable = null;
    for (EthSource n : nodes) {
      long id;
      try {
        id = n.chainId();
      } catch (RpcException e) {
        // One node being down must not hide the chain another node serves; asked again on the next attempt.
        if (unreachable == null) unreachable = e;
        else unreachable.addSuppressed(e);
        continue;
      }
      byChain.putIfAbsent(id, n);
      seen.add(n.rpc().endpoint() + " serves " + Long.toUnsignedString(id));
      if (id == chainId) return n;
    }
    if (unreachable != null) {
      throw new RpcException("cannot tell which --l2 endpoint serves L2 chain " + Long.toUnsignedString(chainId) + " for hint "
          + hint + ": " + unreachable.getMessage(), unreachable);
    }
    throw new InvalidHintException("hint " + hint + " is for L2 chain " + Long.toUnsignedString(chainId)
        + ", which no --l2 endpoint serves (" + String.join("; ", seen) + ")");
  }

  /** A lenient {@link #route(boolean, Function)}, as op-program parses hints: no chain id is fine with one chain. */
  <H extends Hint> HintHandler<H> route(Function<EthSource, HintHandler<H>> perChain) {
    return route(false, perChain);
  }

  /**
   * A handler that hands each hint to the handler {@code perChain} makes for the node of the hint's chain
   * (made once per chain). A hint without a chain id is refused when {@code strict} (kona-host's interop rule)
   * or when several chains are served; otherwise it goes to the only node.
   */
  <H extends Hint> HintHandler<H> route(boolean strict, Function<EthSource, HintHandler<H>> perChain) {
    Map<EthSource, HintHandler<H>> handlers = new HashMap<>();
    return (hint, store) -> {
      OptionalLong chainId = hint.l2ChainId();
      EthSource node;
      if (chainId.isPresent()) {
        node = node(chainId.getAsLong(), hint);
      } else if (!strict && nodes.size() == 1) {
        node = nodes.get(0);
      } else {
        throw new InvalidHintException("hint " + hint + " carries no chain id (" + hint.data().length + " bytes), but "
            + (strict ? "kona-host's interop hints must end with one" : "this interop run serves " + nodes.size() + " L2 chains"));
      }
      HintHandler<H> h;
      synchronized (handlers) {
        h = handlers.computeIfAbsent(node, perChain);
      }
      h.handle(hint, store);
    };
  }
}
