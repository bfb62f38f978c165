package io.fpp4j.precompiles;

/**
 * A precompile call that fails, as the EVM sees it: the call returns status 0 and no output, and consumes its
 * gas. Checked, because every caller must decide what a failure means for it (the EVM burns the call's gas, the
 * host stores status byte 0); it is an outcome of valid EVM execution, not a bug.
 */
public final class PrecompileFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public PrecompileFailure(String message) {
    super(message);
  }

  public PrecompileFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
