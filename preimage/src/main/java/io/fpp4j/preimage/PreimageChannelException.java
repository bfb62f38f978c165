package io.fpp4j.preimage;

/**
 * The hint or preimage channel failed: an I/O error, or the peer closed it ({@link ChannelClosedException}).
 * Nothing more can be exchanged over it.
 */
public class PreimageChannelException extends PreimageOracleException {
  public PreimageChannelException(String message) {
    super(message);
  }

  public PreimageChannelException(String message, Throwable cause) {
    super(message, cause);
  }
}
