package io.fpp4j.evm.tx;

/** A transaction that cannot be included: the state is left untouched. */
public final class InvalidTransactionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why; the state tests' {@code expectException} names map onto these. */
  public enum Reason {
    TYPE_NOT_SUPPORTED,
    VALUE_TOO_LARGE,
    NONCE_MAX,
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    GAS_LIMIT_EXCEEDS_BLOCK,
    INTRINSIC_GAS,
    FEE_CAP_BELOW_BASE_FEE,
    TIP_ABOVE_FEE_CAP,
    INSUFFICIENT_FUNDS,
    SENDER_NOT_EOA,
    INITCODE_SIZE,
    BLOB_CREATE,
    BLOB_NONE,
    BLOB_TOO_MANY,
    BLOB_VERSION,
    BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
    /** EIP-7702: a set-code transaction must call an address. */
    SET_CODE_CREATE,
    /** EIP-7702: a set-code transaction must carry at least one authorization. */
    SET_CODE_EMPTY_AUTHORIZATIONS,
    /** EIP-7623: the gas limit is below the calldata floor. */
    FLOOR_DATA_GAS
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
