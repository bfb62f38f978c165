package io.fpp4j.evm.statetest;

import io.fpp4j.evm.SpecId;
import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.PrecompileSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stands in for the Ethereum precompiles that the {@code precompiles} module does not have yet, so that a
 * case calling one fails with a message naming it instead of a bare root mismatch. A stand-in is warm and
 * counts as a precompile like the real one, but every call to it fails. Calls are recorded per thread.
 */
final class MissingPrecompiles {
  private static final String[] NAMES = {"", "ecrecover", "sha256", "ripemd160", "identity", "modexp", "bn254add",
      "bn254mul", "bn254pairing", "blake2f", "kzg-point-evaluation"};
  private static final ThreadLocal<Set<String>> CALLED = ThreadLocal.withInitial(TreeSet::new);

  private MissingPrecompiles() {}

  /** {@code real} plus a stand-in for each Ethereum precompile of {@code spec} missing from it. */
  static PrecompileSet complete(PrecompileSet real, SpecId spec) {
    int last = spec.atLeast(SpecId.CANCUN) ? 10 : 9;
    PrecompileSet s = real;
    for (int i = 1; i <= last; i++) {
      if (real.contains(PrecompileSet.address(i))) continue;
      String label = String.format("0x%02x %s", i, NAMES[i]);
      s = s.with(PrecompileSet.address(i), new Precompile() {
        @Override
        public String name() {
          return label;
        }

        @Override
        public long gas(byte[] input) {
          CALLED.get().add(label);
          return 0;
        }

        @Override
        public byte[] run(byte[] input) throws PrecompileFailure {
          throw new PrecompileFailure("precompile " + label + " is not in this build");
        }
      });
    }
    return s;
  }

  /** The stand-ins called on this thread since the last call, then forgets them. */
  static Set<String> drainCalled() {
    Set<String> s = new TreeSet<>(CALLED.get());
    CALLED.get().clear();
    return s;
  }
}
