package io.fpp4j.host.local;

import io.fpp4j.proof.boot.RollupConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

// Public because it is a permitted branch of the public sealed ChainInputs, which callers switch over.
/** The boot values of an interop run in either dialect: what the interop hint handlers need. */
public sealed interface InteropInputs extends ChainInputs permits OpProgramInteropInputs, KonaInteropInputs {
  /** The agreed pre-state; local key 2 is its keccak-256. */
  AgreedPrestate prestate();

  /** The rollup configs given, by L2 chain id; empty when none were. */
  Map<Long, RollupConfig> rollupsByChain();

  /**
   * Parses rollup config files and keys them by their {@code l2_chain_id}.
   *
   * @throws IllegalArgumentException naming {@code flag} and the file that is unreadable, or the chain two files share
   */
  static Map<Long, RollupConfig> readRollups(List<Path> files, String flag) {
    Map<Long, RollupConfig> out = new LinkedHashMap<>();
    for (Path file : files) {
      RollupConfig c;
      try {
        c = RollupConfig.fromJson(JsonConfigFile.readObject(file, flag));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(flag + " file " + file + " is not a rollup config: " + e.getMessage(), e);
      }
      if (out.put(c.l2ChainId(), c) != null) {
        throw new IllegalArgumentException("two " + flag + " files are for L2 chain " + Long.toUnsignedString(c.l2ChainId()));
      }
    }
    return out;
  }
}
