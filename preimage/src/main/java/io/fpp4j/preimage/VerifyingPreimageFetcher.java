package io.fpp4j.preimage;

import io.fpp4j.primitives.Hashing;

/**
 * Re-hashes what an inner fetcher returns for keccak-256 and sha-256 keys and refuses to serve data that
 * does not match its key (guards against disk faults and bad RPC data, as op-preimage's
 * {@code WithVerification} and Kona's {@code VerifyingPreimageFetcher} do). Empty data is refused under
 * every key but the hash of the empty string, which both peers serve: a client may well ask for it (the
 * code of an account without code has the hash {@code keccak256("")}). Local, blob, precompile and
 * global-generic keys cannot be checked from the key alone and pass through.
 */
public final class VerifyingPreimageFetcher implements PreimageFetcher {
  private final PreimageFetcher inner;

  public VerifyingPreimageFetcher(PreimageFetcher inner) {
    this.inner = inner;
  }

  @Override
  public byte[] getPreimage(PreimageKey key) throws Exception {
    byte[] data = inner.getPreimage(key);
    verify(key, data);
    return data;
  }

  /** Throws {@link IncorrectPreimageDataException} if {@code data} cannot be the preimage of {@code key}. */
  public static void verify(PreimageKey key, byte[] data) {
    byte[] digest;
    switch (key.type()) {
      case KECCAK256 -> digest = Hashing.keccak256(data);
      case SHA256 -> digest = Hashing.sha256(data);
      default -> {
        return;
      }
    }
    if (!key.bodyMatches(digest)) {
      throw new IncorrectPreimageDataException("preimage for " + key + " does not hash to its key ("
          + key.type() + " of the " + data.length + "-byte value is " + io.fpp4j.primitives.Hex.prefixed(digest) + ")");
    }
  }
}
