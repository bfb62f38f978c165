package io.fpp4j.host;

import io.fpp4j.host.local.ChainInputs;
import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.host.serve.HintHandlerRegistry;

/**
 * Builds the hint handlers of an online host for one dialect's inputs and endpoints; the L1, L2, beacon and
 * precompile handlers plug in here.
 */
@FunctionalInterface
public interface HintHandlerFactory {
  /**
   * @throws IllegalArgumentException if online serving is not available for these inputs; the message is
   *     shown to the user
   */
  HintHandlerRegistry create(ChainInputs inputs, OnlineEndpoints endpoints);

  /** As {@link #create(ChainInputs, OnlineEndpoints)}, with every remote call timed into {@code metrics}. */
  default HintHandlerRegistry create(ChainInputs inputs, OnlineEndpoints endpoints, HostMetrics metrics) {
    return create(inputs, endpoints);
  }
}
