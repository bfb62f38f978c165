package io.fpp4j.preimage;

/**
 * The largest hint and preimage a reader accepts. A length prefix above a limit is refused before any
 * buffer is allocated, so a corrupt or hostile peer cannot make a reader allocate gigabytes.
 *
 * <p>Defaults: hints up to 16 MiB (the bulk {@code l2-payload-witness} hint carries a whole block's payload
 * attributes as hex, a few MiB at most); preimages up to 64 MiB (the on-chain oracle's largest keccak
 * preimage is about 8.9 MB, and the largest values a host serves are contract code, trie nodes and
 * execution-witness entries, far below that).
 */
public record PreimageLimits(int maxHintBytes, int maxPreimageBytes) {
  public static final PreimageLimits DEFAULT = new PreimageLimits(16 << 20, 64 << 20);

  public PreimageLimits {
    if (maxHintBytes < 0 || maxPreimageBytes < 0) {
      throw new IllegalArgumentException("limits must not be negative: " + maxHintBytes + ", " + maxPreimageBytes);
    }
  }
}
