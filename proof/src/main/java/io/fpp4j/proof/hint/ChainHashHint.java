package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.Dialect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An L2 hint whose data is a 32-byte hash, optionally followed by the u64be chain id (40 bytes): the form
 * interop clients (and Kona's {@code set_chain_id}) use, and op-program's {@code HashAndChainID}. A host
 * given the 32-byte form uses its default chain; Kona's {@code l2-receipts} has only the 40-byte form.
 */
public record ChainHashHint(HintType type, Bytes32 hash, OptionalLong chainId) implements Hint {
  static final Set<HintType> TYPES = EnumSet.of(HintType.L2_BLOCK_HEADER, HintType.L2_TRANSACTIONS,
      HintType.L2_CODE, HintType.L2_STATE_NODE, HintType.L2_OUTPUT, HintType.L2_OUTPUT_ROOT, HintType.L2_RECEIPTS);

  public ChainHashHint {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(chainId, "chainId");
    if (!TYPES.contains(type)) throw new IllegalArgumentException(type + " does not carry a hash and chain id");
  }

  /** The 32-byte single-chain form. */
  public static ChainHashHint of(HintType type, Bytes32 hash) {
    return new ChainHashHint(type, hash, OptionalLong.empty());
  }

  /** The 40-byte form with an explicit chain id. */
  public static ChainHashHint of(HintType type, Bytes32 hash, long chainId) {
    return new ChainHashHint(type, hash, OptionalLong.of(chainId));
  }

  @Override
  public OptionalLong l2ChainId() {
    return chainId;
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(hash.toArray(), HintBytes.optionalU64(chainId));
  }

  /**
   * Clients send {@code l2-receipts} only in interop, always with the chain id. kona-host insists on those
   * 40 bytes; op-program's host reads it like its other hash hints, a bare hash meaning its default chain,
   * so the op-program dialect accepts both.
   */
  static ChainHashHint decode(HintType type, Dialect dialect, byte[] data) {
    if (type == HintType.L2_RECEIPTS && dialect == Dialect.KONA) {
      if (data.length != 40) throw HintBytes.wrongLength(type, "40 (hash ‖ chain id)", data);
    } else if (data.length != 32 && data.length != 40) {
      throw HintBytes.wrongLength(type, "32 (hash) or 40 (hash ‖ chain id)", data);
    }
    OptionalLong chain = data.length == 40 ? OptionalLong.of(HintBytes.u64(data, 32)) : OptionalLong.empty();
    return new ChainHashHint(type, HintBytes.bytes32(data, 0), chain);
  }

  @Override
  public String toString() {
    return type + " " + hash + HintBytes.chainSuffix(chainId);
  }
}
