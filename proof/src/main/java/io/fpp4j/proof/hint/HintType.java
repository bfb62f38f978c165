package io.fpp4j.proof.hint;

import io.fpp4j.proof.Dialect;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Every hint name of both dialects, with the exact wire string. */
public enum HintType {
  L1_BLOCK_HEADER("l1-block-header", Both.BOTH),
  L1_TRANSACTIONS("l1-transactions", Both.BOTH),
  L1_RECEIPTS("l1-receipts", Both.BOTH),
  /** versioned hash ‖ u64be(timestamp) (40), or legacy versioned hash ‖ u64be(index) ‖ u64be(timestamp) (48). */
  L1_BLOB("l1-blob", Both.BOTH),
  /** Kona: address ‖ u64be(gas) ‖ input. op-program (legacy): address ‖ input. */
  L1_PRECOMPILE("l1-precompile", Both.BOTH),
  /** op-program: address ‖ u64be(gas) ‖ input. */
  L1_PRECOMPILE_V2("l1-precompile-v2", Both.OP_PROGRAM),
  L2_BLOCK_HEADER("l2-block-header", Both.BOTH),
  L2_TRANSACTIONS("l2-transactions", Both.BOTH),
  /** Interop in both peers: block hash ‖ u64be(chainId); op-program's host also takes the bare hash. */
  L2_RECEIPTS("l2-receipts", Both.BOTH),
  L2_CODE("l2-code", Both.BOTH),
  L2_STATE_NODE("l2-state-node", Both.BOTH),
  /** op-program's agreed output: root [‖ chain id]. */
  L2_OUTPUT("l2-output", Both.OP_PROGRAM),
  /** Kona single-chain agreed output: root. */
  STARTING_L2_OUTPUT("starting-l2-output", Both.KONA),
  /** Kona interop: root ‖ chain id. */
  L2_OUTPUT_ROOT("l2-output-root", Both.KONA),
  /** Kona: u64be(blockNumber) ‖ address [‖ chain id]; op-program: blockHash ‖ address ‖ u64be(chainId). */
  L2_ACCOUNT_PROOF("l2-account-proof", Both.BOTH),
  /** Kona: u64be(blockNumber) ‖ address ‖ slot [‖ chain id]. */
  L2_ACCOUNT_STORAGE_PROOF("l2-account-storage-proof", Both.KONA),
  /** Kona: parent hash ‖ attributes JSON [‖ chain id]; op-program: a JSON object. */
  L2_PAYLOAD_WITNESS("l2-payload-witness", Both.BOTH),
  /** Interop: agreed block hash ‖ block hash ‖ u64be(chainId). */
  L2_BLOCK_DATA("l2-block-data", Both.BOTH),
  /** Interop: pre-state commitment. */
  AGREED_PRE_STATE("agreed-pre-state", Both.BOTH);

  private enum Both {
    BOTH, KONA, OP_PROGRAM
  }

  private final String wireName;
  private final Set<Dialect> dialects;

  HintType(String wireName, Both in) {
    this.wireName = wireName;
    this.dialects = switch (in) {
      case BOTH -> EnumSet.allOf(Dialect.class);
      case KONA -> EnumSet.of(Dialect.KONA);
      case OP_PROGRAM -> EnumSet.of(Dialect.OP_PROGRAM);
    };
  }

  /** The name as it appears on the wire, before the space. */
  public String wireName() {
    return wireName;
  }

  /** Whether clients of {@code dialect} send this hint. */
  public boolean isIn(Dialect dialect) {
    return dialects.contains(dialect);
  }

  /** The type with this exact wire name (names are case-sensitive, as in both peers). */
  public static Optional<HintType> fromWireName(String name) {
    for (HintType t : values()) {
      if (t.wireName.equals(name)) return Optional.of(t);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
