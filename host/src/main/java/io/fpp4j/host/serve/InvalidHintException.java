package io.fpp4j.host.serve;

import io.fpp4j.preimage.PreimageProtocolException;

/**
 * A hint that can never be acted on: malformed text, an unknown type, or data of the wrong length. Unlike
 * a failed fetch it is not retried, since trying again cannot help (kona#873: the upstream host retried such
 * hints forever).
 *
 * <p>A protocol violation, not a {@link io.fpp4j.preimage.HintRoutingException}: it is the client's hint that
 * is wrong, while a routing exception is the hint reader's report that handling failed (it wraps this one when
 * a handler throws it), so a caller can tell "the client is broken" from "the host could not serve".
 */
public class InvalidHintException extends PreimageProtocolException {
  public InvalidHintException(String message) {
    super(message);
  }

  public InvalidHintException(String message, Throwable cause) {
    super(message, cause);
  }
}
