package io.fpp4j.executor;

import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.WorldState;
import io.fpp4j.primitives.Address;
import java.math.BigInteger;

/**
 * The L1 fee parameters as the L1Block predeploy holds them in storage, written each block by the L1-info
 * deposit. Storage layout (L1Block.sol): slot 1 the L1 base fee; slot 3 packs, from the low end,
 * sequenceNumber (u64), blobBaseFeeScalar (u32) and baseFeeScalar (u32); slots 5 and 6 Bedrock's overhead
 * and scalar; slot 7 the L1 blob base fee; slot 8 (Isthmus) packs operatorFeeScalar (u32, bytes 20..24)
 * and operatorFeeConstant (u64, bytes 24..32), and from Jovian daFootprintGasScalar (u16, bytes 18..20: Solidity's
 * offset 12 counted from the word's low end, as jovian/exec-engine.md "Scalar loading" puts it).
 */
public record L1BlockInfo(BigInteger l1BaseFee, BigInteger overhead, BigInteger scalar, BigInteger blobBaseFee,
    long baseFeeScalar, long blobBaseFeeScalar, long operatorFeeScalar, long operatorFeeConstant, int daFootprintGasScalar) {

  /** The parameters before Jovian, without a DA footprint gas scalar. */
  public L1BlockInfo(BigInteger l1BaseFee, BigInteger overhead, BigInteger scalar, BigInteger blobBaseFee,
      long baseFeeScalar, long blobBaseFeeScalar, long operatorFeeScalar, long operatorFeeConstant) {
    this(l1BaseFee, overhead, scalar, blobBaseFee, baseFeeScalar, blobBaseFeeScalar, operatorFeeScalar, operatorFeeConstant, 0);
  }

  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");

  /**
   * Reads only the slots the active fork's fee formulas use, as the reference executors do, so that a
   * stateless run asks for no trie node it does not need: Bedrock's overhead and scalar until Fjord (Ecotone's
   * activation block still uses them), Ecotone's scalars and blob base fee from Ecotone, the operator fee
   * from Isthmus, the DA footprint gas scalar from Jovian.
   */
  public static L1BlockInfo read(WorldState state, OpForkRules rules) {
    BigInteger overhead = BigInteger.ZERO;
    BigInteger scalar = BigInteger.ZERO;
    BigInteger blobBaseFee = BigInteger.ZERO;
    long baseFeeScalar = 0;
    long blobBaseFeeScalar = 0;
    if (rules.ecotone()) {
      byte[] scalars = slot(state, 3);
      baseFeeScalar = u32(scalars, 16);
      blobBaseFeeScalar = u32(scalars, 20);
      blobBaseFee = value(state, 7);
    }
    if (!rules.fjord() && (!rules.ecotone() || (baseFeeScalar == 0 && blobBaseFeeScalar == 0))) {
      overhead = value(state, 5);
      scalar = value(state, 6);
    }
    long operatorScalar = 0;
    long operatorConstant = 0;
    int daFootprintScalar = 0;
    if (rules.isthmus()) {
      byte[] operator = slot(state, 8);
      operatorScalar = u32(operator, 20);
      operatorConstant = u64(operator, 24);
      if (rules.jovian()) daFootprintScalar = (operator[18] & 0xff) << 8 | (operator[19] & 0xff);
    }
    return new L1BlockInfo(value(state, 1), overhead, scalar, blobBaseFee, baseFeeScalar, blobBaseFeeScalar,
        operatorScalar, operatorConstant, daFootprintScalar);
  }

  private static byte[] slot(WorldState state, int slot) {
    return state.storage(L1_BLOCK, UInt256.ofUnsigned(slot)).toBytes();
  }

  private static BigInteger value(WorldState state, int slot) {
    return state.storage(L1_BLOCK, UInt256.ofUnsigned(slot)).toBigInteger();
  }

  private static long u32(byte[] word, int off) {
    long v = 0;
    for (int i = 0; i < 4; i++) v = v << 8 | (word[off + i] & 0xff);
    return v;
  }

  private static long u64(byte[] word, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | (word[off + i] & 0xff);
    return v;
  }
}
