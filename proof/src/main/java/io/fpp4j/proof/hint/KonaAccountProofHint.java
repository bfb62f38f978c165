package io.fpp4j.proof.hint;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Kona's {@code l2-account-proof}: {@code u64be(blockNumber) ‖ address} (28 bytes), with the u64be chain id
 * appended in interop (36). The block is the parent of the one being executed.
 */
public record KonaAccountProofHint(long blockNumber, byte[] address, OptionalLong chainId) implements Hint {
  public KonaAccountProofHint {
    address = HintBytes.address(address, "account address");
    Objects.requireNonNull(chainId, "chainId");
  }

  public static KonaAccountProofHint of(long blockNumber, byte[] address) {
    return new KonaAccountProofHint(blockNumber, address, OptionalLong.empty());
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
    return HintBytes.concat(HintBytes.u64(blockNumber), address, HintBytes.optionalU64(chainId));
  }

  static KonaAccountProofHint decode(byte[] data) {
    if (data.length != 28 && data.length != 36) {
      throw HintBytes.wrongLength(HintType.L2_ACCOUNT_PROOF,
          "28 (block number ‖ address) or 36 (… ‖ chain id) in the kona dialect", data);
    }
    return new KonaAccountProofHint(HintBytes.u64(data, 0), HintBytes.slice(data, 8, 28),
        data.length == 36 ? OptionalLong.of(HintBytes.u64(data, 28)) : OptionalLong.empty());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KonaAccountProofHint h && blockNumber == h.blockNumber && Arrays.equals(address, h.address)
        && chainId.equals(h.chainId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(blockNumber, Arrays.hashCode(address), chainId);
  }

  @Override
  public String toString() {
    return "l2-account-proof block " + Long.toUnsignedString(blockNumber) + " " + HintBytes.hex(address)
        + HintBytes.chainSuffix(chainId);
  }
}
