package io.fpp4j.evm;

/** Why a frame stopped exceptionally: every one consumes all the frame's gas and reverts its changes. */
public enum HaltReason {
  OUT_OF_GAS,
  STACK_UNDERFLOW,
  STACK_OVERFLOW,
  INVALID_OPCODE,
  INVALID_JUMP,
  STATIC_STATE_CHANGE,
  RETURNDATA_OUT_OF_BOUNDS,
  CREATE_COLLISION,
  CODE_SIZE_LIMIT,
  INVALID_CODE_PREFIX,
  PRECOMPILE_FAILURE,
  CALL_DEPTH,
  INSUFFICIENT_BALANCE,
  NONCE_OVERFLOW
}
