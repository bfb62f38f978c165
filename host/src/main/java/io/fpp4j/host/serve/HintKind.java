package io.fpp4j.host.serve;

/** When the host acts on a hint of a given type. */
public enum HintKind {
  /**
   * Recorded as the last hint and run only when a requested key is missing; a newer ordinary hint replaces
   * it. The default for every hint type in both peers.
   */
  ORDINARY,
  /**
   * A high-level ("bulk") hint that fetches much at once, such as {@code l2-payload-witness}. Kept apart
   * from the last ordinary hint, tried first on a miss and forgotten once it has run successfully
   * (op-program's {@code lastBulkHint}, Kona's {@code last_high_level_hint}).
   */
  BULK,
  /**
   * Run while routing, before the client is acknowledged (op-program's {@code l2-block-data}, Kona's older
   * proactive hints). A failure after the retry policy gives up fails the hint.
   */
  EAGER
}
