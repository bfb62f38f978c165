package io.fpp4j.preimage;

/**
 * The peer sent something the preimage oracle ABI does not allow: a bad frame, a frame over the limit, a
 * length other than the one announced, data that does not match its key. Asking again cannot help.
 */
public class PreimageProtocolException extends PreimageOracleException {
  public PreimageProtocolException(String message) {
    super(message);
  }

  public PreimageProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
