package io.fpp4j.primitives.block;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import java.util.List;
import java.util.Objects;

/**
 * What derivation hands the execution engine for one L2 block: the Engine API's payload attributes with the OP Stack's
 * extensions (derivation spec, "Building Individual Payload Attributes"). One type shared by {@code derive}, which
 * builds it, and {@code executor}, which builds the block from it.
 *
 * @param transactions EIP-2718 envelopes: the L1-info deposit, user deposits, upgrade transactions, then the batch's
 * @param noTxPool always true in derivation: the block holds exactly these transactions
 * @param gasLimit the block gas limit (required on OP since Bedrock)
 * @param withdrawals whether the block carries an (always empty) withdrawals list, from Canyon on
 * @param parentBeaconBlockRoot the L1 origin's, from Ecotone on; else null
 * @param eip1559Params from Holocene, {@code u32be(denominator) ‖ u32be(elasticity)} (8 bytes); else null
 * @param minBaseFee from Jovian; else null
 */
public record PayloadAttributes(long timestamp, Bytes32 prevRandao, Address suggestedFeeRecipient, List<Bytes> transactions,
                                boolean noTxPool, long gasLimit, boolean withdrawals, Bytes32 parentBeaconBlockRoot,
                                Bytes eip1559Params, Long minBaseFee) {
  /** The sequencer fee vault, every derived block's fee recipient. */
  public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");

  public PayloadAttributes {
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(suggestedFeeRecipient, "suggestedFeeRecipient");
    transactions = List.copyOf(transactions);
    if (eip1559Params != null && eip1559Params.length() != 8) {
      throw new IllegalArgumentException("eip1559Params must be 8 bytes (u32 denominator, u32 elasticity), got "
          + eip1559Params.length());
    }
  }

  /** Holocene's packed parameters from the system config's u64 form ({@code denominator << 32 | elasticity}). */
  public static Bytes packEip1559Params(long packed) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (packed >>> (56 - 8 * i));
    return Bytes.adopt(b);
  }

  /** The same attributes with only the given transactions (Holocene's deposit-only fallback). */
  public PayloadAttributes withTransactions(List<Bytes> txs) {
    return new PayloadAttributes(timestamp, prevRandao, suggestedFeeRecipient, txs, noTxPool, gasLimit, withdrawals,
        parentBeaconBlockRoot, eip1559Params, minBaseFee);
  }
}
