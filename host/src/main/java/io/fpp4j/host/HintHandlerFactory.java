package io.fpp4j.host;

import io.fpp4j.host.local.ChainInputs;
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
}
