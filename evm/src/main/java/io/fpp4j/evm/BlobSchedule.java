package io.fpp4j.evm;

/**
 * A fork's blob parameters, named per fork as EIP-7840 lists them in a chain's configuration: the target and
 * maximum blobs per block and the base fee update fraction. Cancun's come from EIP-4844, Prague's from EIP-7691.
 * A chain may pass its own (an L2 whose blob gas is always zero still has a BLOBBASEFEE to answer).
 */
public record BlobSchedule(int target, int max, long baseFeeUpdateFraction) {
  /** EIP-4844: target 3, max 6 (786,432 blob gas per block), fraction 3,338,477. */
  public static final BlobSchedule CANCUN = new BlobSchedule(3, 6, 3_338_477);
  /** EIP-7691: target 6, max 9 (1,179,648 blob gas per block), fraction 5,007,716. */
  public static final BlobSchedule PRAGUE = new BlobSchedule(6, 9, 5_007_716);

  public BlobSchedule {
    if (target < 0 || max < target) throw new IllegalArgumentException("blob target " + target + " and max " + max);
    if (baseFeeUpdateFraction <= 0) {
      throw new IllegalArgumentException("blob base fee update fraction must be positive: " + baseFeeUpdateFraction);
    }
  }

  /** The Ethereum schedule of {@code spec}: Cancun's before Prague (no blobs before Cancun, so its values are unused). */
  public static BlobSchedule of(SpecId spec) {
    return spec.atLeast(SpecId.PRAGUE) ? PRAGUE : CANCUN;
  }

  public long maxBlobGasPerBlock() {
    return max * Gas.BLOB_GAS_PER_BLOB;
  }

  /** The blob base fee for {@code excessBlobGas}: {@code fake_exponential(1, excess, fraction)}. */
  public UInt256 blobBaseFee(long excessBlobGas) {
    return Gas.fakeExponential(1, excessBlobGas, baseFeeUpdateFraction);
  }
}
