package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Bytes32;
import java.util.Arrays;
import java.util.Objects;

/** op-program's {@code l2-account-proof}: {@code blockHash ‖ address ‖ u64be(chainId)} (60 bytes). */
public record OpProgramAccountProofHint(Bytes32 blockHash, byte[] address, long chainId) implements Hint {
  public OpProgramAccountProofHint {
    Objects.requireNonNull(blockHash, "blockHash");
    address = HintBytes.address(address, "account address");
  }

  @Override
  public HintType type() {
    return HintType.L2_ACCOUNT_PROOF;
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(blockHash.toArray(), address, HintBytes.u64(chainId));
  }

  static OpProgramAccountProofHint decode(byte[] data) {
    if (data.length != 60) {
      throw HintBytes.wrongLength(HintType.L2_ACCOUNT_PROOF,
          "60 (block hash ‖ address ‖ chain id) in the op-program dialect", data);
    }
    return new OpProgramAccountProofHint(HintBytes.bytes32(data, 0), HintBytes.slice(data, 32, 52),
        HintBytes.u64(data, 52));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpProgramAccountProofHint h && blockHash.equals(h.blockHash)
        && Arrays.equals(address, h.address) && chainId == h.chainId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(blockHash, Arrays.hashCode(address), chainId);
  }

  @Override
  public String toString() {
    return "l2-account-proof block " + blockHash + " " + HintBytes.hex(address) + ", chain "
        + Long.toUnsignedString(chainId);
  }
}
