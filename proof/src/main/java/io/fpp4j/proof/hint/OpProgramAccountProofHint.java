package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.util.Objects;
import java.util.OptionalLong;

/** op-program's {@code l2-account-proof}: {@code blockHash ‖ address ‖ u64be(chainId)} (60 bytes). */
public record OpProgramAccountProofHint(Bytes32 blockHash, Address address, long chainId) implements Hint {
  public OpProgramAccountProofHint {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(address, "address");
  }

  @Override
  public HintType type() {
    return HintType.L2_ACCOUNT_PROOF;
  }

  @Override
  public OptionalLong l2ChainId() {
    return OptionalLong.of(chainId);
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(blockHash.toArray(), address.toArray(), HintBytes.u64(chainId));
  }

  static OpProgramAccountProofHint decode(byte[] data) {
    if (data.length != 60) {
      throw HintBytes.wrongLength(HintType.L2_ACCOUNT_PROOF,
          "60 (block hash ‖ address ‖ chain id) in the op-program dialect", data);
    }
    return new OpProgramAccountProofHint(HintBytes.bytes32(data, 0), HintBytes.address(data, 32), HintBytes.u64(data, 52));
  }

  @Override
  public String toString() {
    return "l2-account-proof block " + blockHash + " " + address + ", chain " + Long.toUnsignedString(chainId);
  }
}
