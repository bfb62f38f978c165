package io.fpp4j.executor;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.util.List;
import java.util.Objects;

/**
 * What the derivation pipeline asks the executor to build (OP's {@code PayloadAttributes}).
 *
 * @param parentBeaconBlockRoot from Ecotone, else null
 * @param gasLimit the block gas limit (required on OP since Bedrock)
 * @param transactions each an EIP-2718 envelope (deposits, type 0x7e, first)
 * @param eip1559Params from Holocene: {@code u32be(denominator) ‖ u32be(elasticity)} (8 bytes), else null
 * @param minBaseFee from Jovian, else null
 */
public record PayloadAttributes(long timestamp, Bytes32 prevRandao, Address suggestedFeeRecipient,
    Bytes32 parentBeaconBlockRoot, long gasLimit, List<byte[]> transactions, byte[] eip1559Params, Long minBaseFee) {
  public PayloadAttributes {
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(suggestedFeeRecipient, "suggestedFeeRecipient");
    transactions = List.copyOf(transactions);
    if (eip1559Params != null && eip1559Params.length != 8) {
      throw new IllegalArgumentException("eip1559Params must be 8 bytes (u32 denominator, u32 elasticity), got "
          + eip1559Params.length);
    }
  }
}
