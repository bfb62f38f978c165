package io.fpp4j.evm;

import java.util.Arrays;
import java.util.EnumMap;

/**
 * Per fork: each opcode's constant gas, or -1 if the opcode is undefined at that fork; and, for all forks,
 * the stack items an opcode needs and how much it grows the stack. Dynamic costs (memory, cold access,
 * SSTORE, calls) are charged by the interpreter itself.
 */
final class OpcodeTable {
  static final int STACK_LIMIT = 1024;
  /** Items an opcode pops (or needs present, for DUP and SWAP). */
  static final int[] MIN_STACK = new int[256];
  /** Net growth of the stack: items pushed minus items popped. */
  static final int[] GROWTH = new int[256];
  private static final EnumMap<SpecId, int[]> GAS = new EnumMap<>(SpecId.class);
  private static final EnumMap<SpecId, long[]> CHECKS = new EnumMap<>(SpecId.class);
  /** In a {@link #checks} entry, the fewest stack items that an undefined opcode needs: more than ever fit. */
  static final int UNDEFINED_MIN_STACK = 0xffff;

  private OpcodeTable() {}

  static int[] gas(SpecId spec) {
    return GAS.get(spec);
  }

  /**
   * Per fork, the three checks before every opcode packed into one long, so that the loop reads one entry and
   * tests them with one branch: constant gas in bits 0-31, the fewest stack items allowed in bits 32-47 ({@link
   * #UNDEFINED_MIN_STACK} for an undefined opcode, which no stack satisfies) and the most in bits 48-63
   * ({@link #STACK_LIMIT} minus the growth). Which check failed is worked out again from the plain tables, on
   * the exceptional path only.
   */
  static long[] checks(SpecId spec) {
    return CHECKS.get(spec);
  }

  private static long[] pack(int[] gas) {
    long[] c = new long[256];
    for (int op = 0; op < 256; op++) {
      long min = gas[op] < 0 ? UNDEFINED_MIN_STACK : MIN_STACK[op];
      long max = STACK_LIMIT - GROWTH[op];
      c[op] = Math.max(gas[op], 0) | (min << 32) | (max << 48);
    }
    return c;
  }

  private static void def(int[] g, int op, int gas, int in, int out) {
    g[op] = gas;
    MIN_STACK[op] = in;
    GROWTH[op] = out - in;
  }

  static {
    for (SpecId spec : SpecId.values()) {
      int[] g = new int[256];
      Arrays.fill(g, -1);
      def(g, 0x00, 0, 0, 0); // STOP
      def(g, 0x01, 3, 2, 1); // ADD
      def(g, 0x02, 5, 2, 1); // MUL
      def(g, 0x03, 3, 2, 1); // SUB
      def(g, 0x04, 5, 2, 1); // DIV
      def(g, 0x05, 5, 2, 1); // SDIV
      def(g, 0x06, 5, 2, 1); // MOD
      def(g, 0x07, 5, 2, 1); // SMOD
      def(g, 0x08, 8, 3, 1); // ADDMOD
      def(g, 0x09, 8, 3, 1); // MULMOD
      def(g, 0x0a, 10, 2, 1); // EXP (+50 per exponent byte)
      def(g, 0x0b, 5, 2, 1); // SIGNEXTEND
      for (int op = 0x10; op <= 0x14; op++) def(g, op, 3, 2, 1); // LT GT SLT SGT EQ
      def(g, 0x15, 3, 1, 1); // ISZERO
      def(g, 0x16, 3, 2, 1); // AND
      def(g, 0x17, 3, 2, 1); // OR
      def(g, 0x18, 3, 2, 1); // XOR
      def(g, 0x19, 3, 1, 1); // NOT
      def(g, 0x1a, 3, 2, 1); // BYTE
      def(g, 0x1b, 3, 2, 1); // SHL
      def(g, 0x1c, 3, 2, 1); // SHR
      def(g, 0x1d, 3, 2, 1); // SAR
      def(g, 0x20, 30, 2, 1); // KECCAK256
      def(g, 0x30, 2, 0, 1); // ADDRESS
      def(g, 0x31, 0, 1, 1); // BALANCE (access cost is dynamic)
      def(g, 0x32, 2, 0, 1); // ORIGIN
      def(g, 0x33, 2, 0, 1); // CALLER
      def(g, 0x34, 2, 0, 1); // CALLVALUE
      def(g, 0x35, 3, 1, 1); // CALLDATALOAD
      def(g, 0x36, 2, 0, 1); // CALLDATASIZE
      def(g, 0x37, 3, 3, 0); // CALLDATACOPY
      def(g, 0x38, 2, 0, 1); // CODESIZE
      def(g, 0x39, 3, 3, 0); // CODECOPY
      def(g, 0x3a, 2, 0, 1); // GASPRICE
      def(g, 0x3b, 0, 1, 1); // EXTCODESIZE
      def(g, 0x3c, 0, 4, 0); // EXTCODECOPY
      def(g, 0x3d, 2, 0, 1); // RETURNDATASIZE
      def(g, 0x3e, 3, 3, 0); // RETURNDATACOPY
      def(g, 0x3f, 0, 1, 1); // EXTCODEHASH
      def(g, 0x40, 20, 1, 1); // BLOCKHASH
      def(g, 0x41, 2, 0, 1); // COINBASE
      def(g, 0x42, 2, 0, 1); // TIMESTAMP
      def(g, 0x43, 2, 0, 1); // NUMBER
      def(g, 0x44, 2, 0, 1); // DIFFICULTY / PREVRANDAO
      def(g, 0x45, 2, 0, 1); // GASLIMIT
      def(g, 0x46, 2, 0, 1); // CHAINID
      def(g, 0x47, 5, 0, 1); // SELFBALANCE
      if (spec.atLeast(SpecId.LONDON)) def(g, 0x48, 2, 0, 1); // BASEFEE (EIP-3198)
      if (spec.atLeast(SpecId.CANCUN)) {
        def(g, 0x49, 3, 1, 1); // BLOBHASH (EIP-4844)
        def(g, 0x4a, 2, 0, 1); // BLOBBASEFEE (EIP-7516)
      }
      def(g, 0x50, 2, 1, 0); // POP
      def(g, 0x51, 3, 1, 1); // MLOAD
      def(g, 0x52, 3, 2, 0); // MSTORE
      def(g, 0x53, 3, 2, 0); // MSTORE8
      def(g, 0x54, 0, 1, 1); // SLOAD (dynamic)
      def(g, 0x55, 0, 2, 0); // SSTORE (dynamic)
      def(g, 0x56, 8, 1, 0); // JUMP
      def(g, 0x57, 10, 2, 0); // JUMPI
      def(g, 0x58, 2, 0, 1); // PC
      def(g, 0x59, 2, 0, 1); // MSIZE
      def(g, 0x5a, 2, 0, 1); // GAS
      def(g, 0x5b, 1, 0, 0); // JUMPDEST
      if (spec.atLeast(SpecId.CANCUN)) {
        def(g, 0x5c, 100, 1, 1); // TLOAD (EIP-1153)
        def(g, 0x5d, 100, 2, 0); // TSTORE
        def(g, 0x5e, 3, 3, 0); // MCOPY (EIP-5656)
      }
      if (spec.atLeast(SpecId.SHANGHAI)) def(g, 0x5f, 2, 0, 1); // PUSH0 (EIP-3855)
      for (int op = 0x60; op <= 0x7f; op++) def(g, op, 3, 0, 1); // PUSH1..32
      for (int n = 1; n <= 16; n++) def(g, 0x7f + n, 3, n, n + 1); // DUP1..16
      for (int n = 1; n <= 16; n++) def(g, 0x8f + n, 3, n + 1, n + 1); // SWAP1..16
      for (int n = 0; n <= 4; n++) def(g, 0xa0 + n, 375, n + 2, 0); // LOG0..4
      def(g, 0xf0, 32000, 3, 1); // CREATE
      def(g, 0xf1, 0, 7, 1); // CALL
      def(g, 0xf2, 0, 7, 1); // CALLCODE
      def(g, 0xf3, 0, 2, 0); // RETURN
      def(g, 0xf4, 0, 6, 1); // DELEGATECALL
      def(g, 0xf5, 32000, 4, 1); // CREATE2
      def(g, 0xfa, 0, 6, 1); // STATICCALL
      def(g, 0xfd, 0, 2, 0); // REVERT
      def(g, 0xff, 5000, 1, 0); // SELFDESTRUCT
      GAS.put(spec, g);
      CHECKS.put(spec, pack(g));
    }
  }
}
