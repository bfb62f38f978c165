package io.fpp4j.host;

import java.util.Map;

/**
 * The data sources of an online host: L1 execution JSON-RPC, L2 execution JSON-RPC, L1 beacon REST API, and
 * the dialect's further online flags by name without dashes, e.g. {@code enable-experimental-witness-endpoint}
 * = {@code true} (Kona), {@code l2.experimental}, {@code l1.trustrpc}, {@code l1.rpckind} (op-program).
 */
public record OnlineEndpoints(String l1, String l2, String beacon, Map<String, String> options) {
  public OnlineEndpoints {
    options = Map.copyOf(options);
  }

  public OnlineEndpoints(String l1, String l2, String beacon) {
    this(l1, l2, beacon, Map.of());
  }
}
