package io.fpp4j.host.online;

import java.io.IOException;

/**
 * A remote call that did not give a usable answer: the endpoint was unreachable or slow, answered with an
 * HTTP error or a JSON-RPC error, or sent something that is not the expected JSON. The message names the
 * method (or path) and the endpoint. A failed fetch is retried under the host's retry policy.
 */
class RpcException extends IOException {
  private final Integer rpcErrorCode;
  private final int httpStatus;

  public RpcException(String message, Throwable cause) {
    this(message, null, 0, cause);
  }

  public RpcException(String message, Integer rpcErrorCode, int httpStatus, Throwable cause) {
    super(message, cause);
    this.rpcErrorCode = rpcErrorCode;
    this.httpStatus = httpStatus;
  }

  /** The JSON-RPC {@code error.code}, or null when the failure was not a JSON-RPC error object. */
  public Integer rpcErrorCode() {
    return rpcErrorCode;
  }

  /** The HTTP status of the answer, or 0 when there was none (connection failure, timeout). */
  public int httpStatus() {
    return httpStatus;
  }
}
