package io.fpp4j.preimage;

/** The type byte (byte 0) of a preimage key, as numbered by the fault-proof specification. */
public enum PreimageKeyType {
  /** Boot data local to one dispute: {@code 01 ‖ 00×23 ‖ u64be(index)}. */
  LOCAL(1),
  /** {@code 02 ‖ keccak256(preimage)[1:]}. */
  KECCAK256(2),
  /** Reserved by the specification; no peer produces or serves it. */
  GLOBAL_GENERIC(3),
  /** {@code 04 ‖ sha256(preimage)[1:]}. */
  SHA256(4),
  /** {@code 05 ‖ keccak256(commitment ‖ z)[1:]}; the preimage is one 32-byte blob field element. */
  BLOB(5),
  /** {@code 06 ‖ keccak256(address ‖ u64be(requiredGas) ‖ input)[1:]}; the preimage is {@code status ‖ output}. */
  PRECOMPILE(6);

  private final byte code;

  PreimageKeyType(int code) {
    this.code = (byte) code;
  }

  public byte code() {
    return code;
  }

  /** Parses a type byte; 0 and 7..255 are not key types. */
  public static PreimageKeyType fromByte(int b) {
    int v = b & 0xff;
    if (v >= 1 && v <= 6) return values()[v - 1];
    throw new InvalidPreimageKeyException(String.format("invalid preimage key type byte 0x%02x (valid types are 0x01..0x06)", v));
  }
}
