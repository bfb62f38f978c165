package io.fpp4j.precompiles;

import java.util.Map;

/** The per-fork tables behind {@link PrecompileSet#forFork}. */
final class PrecompileTables {
  private PrecompileTables() {}

  static PrecompileSet forFork(PrecompileFork fork) {
    // Filled in as the precompiles move here from the host and the missing ones are written.
    return PrecompileSet.of(Map.of());
  }
}
