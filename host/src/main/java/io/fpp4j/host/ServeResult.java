package io.fpp4j.host;

/**
 * What one serving session did.
 *
 * @param preimages preimage requests answered
 * @param preimageBytes bytes of those answers
 * @param hints hints received
 * @param failure what ended the session early, or null when the program closed its channels cleanly
 */
public record ServeResult(long preimages, long preimageBytes, long hints, RuntimeException failure) {
  public boolean clean() {
    return failure == null;
  }
}
