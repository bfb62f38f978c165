package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Bytes32;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A hint whose data is one 32-byte hash and nothing else: the L1 block hints, Kona's
 * {@code starting-l2-output} and the interop {@code agreed-pre-state}.
 */
public record HashHint(HintType type, Bytes32 hash) implements Hint {
  static final Set<HintType> TYPES = EnumSet.of(HintType.L1_BLOCK_HEADER, HintType.L1_TRANSACTIONS,
      HintType.L1_RECEIPTS, HintType.STARTING_L2_OUTPUT, HintType.AGREED_PRE_STATE);

  public HashHint {
    Objects.requireNonNull(hash, "hash");
    if (!TYPES.contains(type)) throw new IllegalArgumentException(type + " does not carry a single hash");
  }

  public static HashHint l1BlockHeader(Bytes32 blockHash) {
    return new HashHint(HintType.L1_BLOCK_HEADER, blockHash);
  }

  public static HashHint l1Transactions(Bytes32 blockHash) {
    return new HashHint(HintType.L1_TRANSACTIONS, blockHash);
  }

  public static HashHint l1Receipts(Bytes32 blockHash) {
    return new HashHint(HintType.L1_RECEIPTS, blockHash);
  }

  public static HashHint startingL2Output(Bytes32 outputRoot) {
    return new HashHint(HintType.STARTING_L2_OUTPUT, outputRoot);
  }

  public static HashHint agreedPreState(Bytes32 commitment) {
    return new HashHint(HintType.AGREED_PRE_STATE, commitment);
  }

  @Override
  public byte[] data() {
    return hash.toArray();
  }

  static HashHint decode(HintType type, byte[] data) {
    if (data.length != 32) throw HintBytes.wrongLength(type, "32", data);
    return new HashHint(type, Bytes32.wrap(data));
  }

  @Override
  public String toString() {
    return type + " " + hash;
  }
}
