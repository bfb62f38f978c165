package io.fpp4j.preimage;

/** The host's source of preimages (kona-preimage {@code PreimageFetcher}, op-preimage {@code PreimageGetter}). */
@FunctionalInterface
public interface PreimageFetcher {
  /**
   * The preimage of {@code key}.
   *
   * @throws KeyNotFoundException if there is none; the server then stops without answering
   */
  byte[] getPreimage(PreimageKey key) throws Exception;
}
