package io.fpp4j.mpt;

/** A trie could not be read or changed; {@link #reason()} says which kind of failure it was. */
public final class TrieException extends RuntimeException {
  /** Kinds of trie failure. */
  public enum Reason {
    /** A node's bytes are not a valid trie node (bad RLP, wrong item count, bad hex-prefix path). */
    MALFORMED_NODE,
    /** The provider returned bytes whose keccak256 is not the hash they were asked for. */
    HASH_MISMATCH,
    /** The provider does not have the node. */
    MISSING_NODE,
    /** The nodes are individually valid but do not form a canonical trie along the walked path. */
    MALFORMED_PATH,
    /** The provider itself failed. */
    PROVIDER
  }

  private final Reason reason;

  public TrieException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public TrieException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
