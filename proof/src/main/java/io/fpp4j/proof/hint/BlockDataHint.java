package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Bytes32;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Interop {@code l2-block-data}: {@code agreedBlockHash ‖ blockHash ‖ u64be(chainId)} (72 bytes). The
 * op-program host re-executes the block as soon as the hint arrives.
 */
public record BlockDataHint(Bytes32 agreedBlockHash, Bytes32 blockHash, long chainId) implements Hint {
  public BlockDataHint {
    Objects.requireNonNull(agreedBlockHash, "agreedBlockHash");
    Objects.requireNonNull(blockHash, "blockHash");
  }

  @Override
  public HintType type() {
    return HintType.L2_BLOCK_DATA;
  }

  @Override
  public OptionalLong l2ChainId() {
    return OptionalLong.of(chainId);
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(agreedBlockHash.toArray(), blockHash.toArray(), HintBytes.u64(chainId));
  }

  static BlockDataHint decode(byte[] data) {
    if (data.length != 72) {
      throw HintBytes.wrongLength(HintType.L2_BLOCK_DATA, "72 (agreed block hash ‖ block hash ‖ chain id)", data);
    }
    return new BlockDataHint(HintBytes.bytes32(data, 0), HintBytes.bytes32(data, 32), HintBytes.u64(data, 64));
  }

  @Override
  public String toString() {
    return "l2-block-data agreed " + agreedBlockHash + " block " + blockHash + ", chain " + Long.toUnsignedString(chainId);
  }
}
