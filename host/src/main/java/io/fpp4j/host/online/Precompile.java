package io.fpp4j.host.online;

/** An EVM precompile the host runs for a client (kona-host / op-program precompile acceleration). */
public interface Precompile {
  /** A name for messages, such as {@code ecrecover}. */
  String name();

  /**
   * Runs the precompile on {@code input}.
   *
   * @return the return data of a successful call
   * @throws Failure if the call fails (the EVM call reverts); the host stores status 0
   */
  byte[] run(byte[] input) throws Failure;

  /** A failed precompile call, as the EVM sees it: status 0, no output. */
  final class Failure extends Exception {
    public Failure(String message) {
      super(message);
    }

    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
