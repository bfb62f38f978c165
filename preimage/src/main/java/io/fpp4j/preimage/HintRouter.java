package io.fpp4j.preimage;

/** Where the host sends each hint it reads (kona-preimage {@code HintRouter}, op-preimage {@code HintHandler}). */
@FunctionalInterface
public interface HintRouter {
  /** A router that ignores every hint: the offline host's choice. */
  HintRouter IGNORE = hint -> {};

  /** Acts on (or records) one hint. The client is acknowledged whether or not this throws. */
  void routeHint(String hint) throws Exception;
}
