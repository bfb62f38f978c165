package io.fpp4j.proof.hint;

/**
 * Which client family a hint comes from. The two peers agree on most hints but not all: the same name
 * {@code l1-precompile} carries the gas field in Kona and not in op-program's legacy form, and the account
 * proof, payload witness and agreed-output hints have different layouts or names (op-program-spec 13).
 */
public enum HintDialect {
  /** kona-client and kona-proof (single-chain and interop). */
  KONA("kona"),
  /** The op-program client (Go), including its interop mode. */
  OP_PROGRAM("op-program");

  private final String label;

  HintDialect(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
