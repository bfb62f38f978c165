package io.fpp4j.primitives.tx;

/** EIP-2718 transaction types known to Ethereum and the OP Stack. */
public enum TxType {
  /** Untyped: the envelope is the bare RLP list (first byte at least 0xc0). */
  LEGACY(0x00),
  /** EIP-2930 access-list transaction. */
  ACCESS_LIST(0x01),
  /** EIP-1559 dynamic-fee transaction. */
  DYNAMIC_FEE(0x02),
  /** EIP-4844 blob transaction (canonical form, without the network sidecar). */
  BLOB(0x03),
  /** EIP-7702 set-code transaction. */
  SET_CODE(0x04),
  /** OP Stack deposit transaction, derived from L1; it carries no signature. */
  DEPOSIT(0x7e);

  private final int code;

  TxType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this code, or null if none. */
  public static TxType fromCode(int code) {
    for (TxType t : values()) if (t.code == code) return t;
    return null;
  }
}
