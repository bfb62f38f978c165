package io.fpp4j.preimage;

/** The client's view of the hint channel (kona-preimage {@code HintWriterClient}, op-preimage {@code Hinter}). */
public interface Hinter {
  /** Sends {@code hint} and returns once the host acknowledged it. */
  void hint(String hint);
}
