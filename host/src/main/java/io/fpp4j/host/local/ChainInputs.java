package io.fpp4j.host.local;

/** The boot values of one chain-specific dialect, from which its local-key map is made. */
public sealed interface ChainInputs permits KonaSingleChainInputs, OpProgramInputs, InteropInputs {
  /** The local-key map this dialect's client reads. */
  LocalInputs localInputs();

  /** One line naming the claim, for the summary. */
  String claimSummary();
}
