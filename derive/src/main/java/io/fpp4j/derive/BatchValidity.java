package io.fpp4j.derive;

/** The batch queue's verdict on a batch (derivation spec, "Batch Queue"). */
public enum BatchValidity {
  /** Apply it: it is the next block's batch. */
  ACCEPT,
  /** Drop it for good. */
  DROP,
  /** Not decidable yet: more L1 blocks are needed. */
  UNDECIDED,
  /** For a later block than the next (kept before Holocene; Holocene drops it instead). */
  FUTURE,
  /** Holocene: a batch for a block already derived; dropped without discarding the rest of its channel. */
  PAST
}
