package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Address;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Kona's {@code l2-account-proof}: {@code u64be(blockNumber) ‖ address} (28 bytes), with the u64be chain id
 * appended in interop (36). The block is the parent of the one being executed.
 */
public record KonaAccountProofHint(long blockNumber, Address address, OptionalLong chainId) implements Hint {
  public KonaAccountProofHint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(chainId, "chainId");
  }

  public static KonaAccountProofHint of(long blockNumber, Address address) {
    return new KonaAccountProofHint(blockNumber, address, OptionalLong.empty());
  }

  @Override
  public HintType type() {
    return HintType.L2_ACCOUNT_PROOF;
  }

  @Override
  public OptionalLong l2ChainId() {
    return chainId;
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(HintBytes.u64(blockNumber), address.toArray(), HintBytes.optionalU64(chainId));
  }

  static KonaAccountProofHint decode(byte[] data) {
    if (data.length != 28 && data.length != 36) {
      throw HintBytes.wrongLength(HintType.L2_ACCOUNT_PROOF,
          "28 (block number ‖ address) or 36 (… ‖ chain id) in the kona dialect", data);
    }
    return new KonaAccountProofHint(HintBytes.u64(data, 0), HintBytes.address(data, 8),
        data.length == 36 ? OptionalLong.of(HintBytes.u64(data, 28)) : OptionalLong.empty());
  }

  @Override
  public String toString() {
    return "l2-account-proof block " + Long.toUnsignedString(blockNumber) + " " + address + HintBytes.chainSuffix(chainId);
  }
}
