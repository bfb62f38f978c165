package io.fpp4j.host.serve;

import io.fpp4j.preimage.HintRoutingException;

/**
 * A hint that can never be acted on: malformed text, an unknown type, or data of the wrong length. Unlike
 * a failed fetch it is not retried, since trying again cannot help (kona#873: the upstream host retried such
 * hints forever).
 */
public class InvalidHintException extends HintRoutingException {
  public InvalidHintException(String message) {
    super(message);
  }

  public InvalidHintException(String message, Throwable cause) {
    super(message, cause);
  }
}
