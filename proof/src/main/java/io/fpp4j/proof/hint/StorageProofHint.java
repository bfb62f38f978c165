package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Kona's {@code l2-account-storage-proof}: {@code u64be(blockNumber) ‖ address ‖ slot} (60 bytes), with the
 * u64be chain id appended in interop (68). The slot is the 32-byte big-endian storage index, not its hash.
 */
public record StorageProofHint(long blockNumber, Address address, Bytes32 slot, OptionalLong chainId) implements Hint {
  public StorageProofHint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(chainId, "chainId");
  }

  public static StorageProofHint of(long blockNumber, Address address, Bytes32 slot) {
    return new StorageProofHint(blockNumber, address, slot, OptionalLong.empty());
  }

  @Override
  public HintType type() {
    return HintType.L2_ACCOUNT_STORAGE_PROOF;
  }

  @Override
  public OptionalLong l2ChainId() {
    return chainId;
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(HintBytes.u64(blockNumber), address.toArray(), slot.toArray(), HintBytes.optionalU64(chainId));
  }

  static StorageProofHint decode(byte[] data) {
    if (data.length != 60 && data.length != 68) {
      throw HintBytes.wrongLength(HintType.L2_ACCOUNT_STORAGE_PROOF,
          "60 (block number ‖ address ‖ slot) or 68 (… ‖ chain id)", data);
    }
    return new StorageProofHint(HintBytes.u64(data, 0), HintBytes.address(data, 8), HintBytes.bytes32(data, 28),
        data.length == 68 ? OptionalLong.of(HintBytes.u64(data, 60)) : OptionalLong.empty());
  }

  @Override
  public String toString() {
    return "l2-account-storage-proof block " + Long.toUnsignedString(blockNumber) + " " + address + " slot " + slot
        + HintBytes.chainSuffix(chainId);
  }
}
