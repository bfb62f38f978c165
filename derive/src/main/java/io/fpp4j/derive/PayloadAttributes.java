package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import java.util.List;
import java.util.Objects;

/**
 * What derivation hands the execution engine for one L2 block (derivation spec, "Building Individual Payload
 * Attributes"; the Engine API's payload attributes with the OP Stack's extensions).
 *
 * @param transactions EIP-2718 encodings: the L1-info deposit, user deposits, upgrade transactions, then the batch's
 * @param withdrawals whether the block carries an (always empty) withdrawals list, from Canyon on
 * @param parentBeaconBlockRoot the L1 origin's, from Ecotone on; else null
 * @param eip1559Params Holocene's packed denominator and elasticity; null before Holocene
 */
public record PayloadAttributes(long timestamp, Bytes32 prevRandao, Address suggestedFeeRecipient, List<Bytes> transactions,
                                boolean noTxPool, long gasLimit, boolean withdrawals, Bytes32 parentBeaconBlockRoot,
                                Long eip1559Params) {
  /** The sequencer fee vault, every derived block's fee recipient. */
  public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");

  public PayloadAttributes {
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(suggestedFeeRecipient, "suggestedFeeRecipient");
    transactions = List.copyOf(transactions);
  }
}
