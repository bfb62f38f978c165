package io.fpp4j.executor;

/**
 * Jovian's data-availability footprint (jovian/exec-engine.md, "DA Footprint Block Limit"): each user transaction's
 * Fjord size estimate, {@code max(100, (-42_585_600 + 836_500 * fastlzSize(tx)) / 1e6)} bytes, times the block's DA
 * footprint gas scalar, which the L1Block predeploy holds. Deposits have none. A block's footprint, the sum over its
 * transactions, is kept within its gas limit, stored in the header's {@code blobGasUsed}, and counts towards the next
 * base fee as {@code max(gasUsed, blobGasUsed)}.
 */
public final class DaFootprint {
  private static final long SCALE = 1_000_000L;

  private DaFootprint() {}

  /**
   * The footprint of one user transaction from its EIP-2718 bytes. Flooring the scaled estimate before the multiply is
   * the spec's order ({@code //} then {@code *}); the estimate is at least 100e6, so the floor never goes negative.
   */
  public static long of(byte[] rawTx, int daFootprintGasScalar) {
    return L1Fee.fjordEstimatedSizeScaled(rawTx) / SCALE * daFootprintGasScalar;
  }

  /** The gas the next base fee is computed from: Jovian meters {@code max(gasUsed, blobGasUsed)}. */
  public static long meteredGas(long gasUsed, Long blobGasUsed) {
    return blobGasUsed == null ? gasUsed : Math.max(gasUsed, blobGasUsed);
  }
}
