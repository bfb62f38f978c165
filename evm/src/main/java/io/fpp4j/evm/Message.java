package io.fpp4j.evm;

import io.fpp4j.primitives.Address;

/**
 * One call or creation as the EVM dispatches it.
 *
 * @param recipient the account whose storage and balance the code acts on (ADDRESS)
 * @param codeAddress where the code comes from (differs from recipient for CALLCODE and DELEGATECALL)
 * @param value CALLVALUE (for DELEGATECALL, the parent's; nothing is transferred)
 */
public record Message(Kind kind, Address caller, Address recipient, Address codeAddress, UInt256 value,
    byte[] input, long gas, int depth, boolean isStatic, UInt256 salt) {
  public enum Kind { CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 }

  public boolean isCreate() {
    return kind == Kind.CREATE || kind == Kind.CREATE2;
  }
}
