package io.fpp4j.precompiles;

import java.util.Objects;

/**
 * A precompile whose input may be at most {@code maxInputLength} bytes: a longer input fails the call, as if
 * the precompile had rejected it, and anything else is {@code precompile}'s. The OP Stack caps the variable-input
 * pairing and MSM precompiles this way (Granite, Isthmus, Jovian) so that one call cannot take most of a block's
 * proving time; the gas is unchanged ({@code op-revm} checks the length before charging, but a failed call
 * consumes all its gas either way).
 *
 * @param precompile the precompile that runs inputs within the limit
 * @param maxInputLength the longest input allowed, in bytes
 * @param rule who set the limit, for the failure message (such as {@code OP Granite})
 */
public record InputLimit(Precompile precompile, int maxInputLength, String rule) implements Precompile {
  public InputLimit {
    Objects.requireNonNull(precompile, "precompile");
    Objects.requireNonNull(rule, "rule");
    if (precompile instanceof InputLimit) {
      // A later fork's limit replaces an earlier one; stacking them would hide which limit applies.
      throw new IllegalArgumentException("precompile " + precompile.name() + " already has an input limit: " + precompile);
    }
    if (maxInputLength < 0) {
      throw new IllegalArgumentException("input limit of " + precompile.name() + " is " + maxInputLength + " bytes, not >= 0");
    }
  }

  @Override
  public String name() {
    return precompile.name();
  }

  @Override
  public long gas(byte[] input) {
    return precompile.gas(input);
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length > maxInputLength) {
      throw new PrecompileFailure(name() + " input is " + input.length + " bytes, over the " + rule + " limit of "
          + maxInputLength);
    }
    return precompile.run(input);
  }

  @Override
  public String toString() {
    return name() + " (at most " + maxInputLength + " input bytes, " + rule + ")";
  }
}
