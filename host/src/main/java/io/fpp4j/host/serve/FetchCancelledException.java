package io.fpp4j.host.serve;

import io.fpp4j.preimage.PreimageOracleException;

/** A fetch stopped because the host is shutting down, e.g. the program it served has exited. */
public class FetchCancelledException extends PreimageOracleException {
  public FetchCancelledException(String message) {
    super(message);
  }
}
