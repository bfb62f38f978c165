package io.fpp4j.proof.precompile;

import io.fpp4j.primitives.Bytes;
import java.util.Objects;

/** A precompile preimage {@code status ‖ output}: status 1 is success, 0 is failure. */
public record PrecompileResult(boolean success, Bytes output) {
  public PrecompileResult {
    Objects.requireNonNull(output, "output");
  }
}
