package io.fpp4j.proof;

/**
 * Which client family a program belongs to. The peers agree on the wire, the key types and most hints, but
 * not on everything (op-program-spec 13): the local keys of custom configs, the name of the agreed-output
 * hint, the layouts of {@code l1-precompile}, {@code l2-account-proof} and {@code l2-payload-witness}. A
 * host serves one dialect per program, and so does a client built on this SDK.
 */
public enum Dialect {
  /** kona-client and kona-proof (single-chain and interop). */
  KONA("kona"),
  /** The op-program client (Go), including its interop mode. */
  OP_PROGRAM("op-program");

  private final String label;

  Dialect(String label) {
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
