package io.fpp4j.preimage;

/** A hint the host could not decode or route; the client was still acked. */
public class HintRoutingException extends PreimageOracleException {
  public HintRoutingException(String message) {
    super(message);
  }

  public HintRoutingException(String message, Throwable cause) {
    super(message, cause);
  }
}
