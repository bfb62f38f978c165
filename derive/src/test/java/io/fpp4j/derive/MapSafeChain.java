package io.fpp4j.derive;

import java.util.HashMap;
import java.util.Map;

/** A test's L2 safe chain: the blocks it was given, and a failure naming any other block asked for. */
final class MapSafeChain implements SafeChain {
  private final Map<Long, Block> blocks = new HashMap<>();

  /** A chain with no blocks: for pipelines that must never read the L2 chain. */
  static MapSafeChain empty() {
    return new MapSafeChain();
  }

  MapSafeChain add(Block block) {
    blocks.put(block.ref().number(), block);
    return this;
  }

  @Override
  public Block block(long number) {
    Block b = blocks.get(number);
    if (b == null) throw new IllegalArgumentException("the test's L2 chain has no block " + number);
    return b;
  }
}
