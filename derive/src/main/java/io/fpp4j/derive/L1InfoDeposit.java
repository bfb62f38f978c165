package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The L1 attributes deposit, the first transaction of every L2 block (deposits spec, "L1 Attributes Deposited
 * Transaction"; L1-block predeploy spec). From the L1-info depositor to the L1Block predeploy, gas 1,000,000 (Regolith),
 * not a system transaction from Regolith on. Its calldata by fork of the L2 block:
 *
 * <ul>
 *   <li>Bedrock {@code setL1BlockValues} (0x015d8eb9): eight ABI words: number, timestamp, basefee, hash,
 *       sequence number, batcher hash, overhead, scalar;
 *   <li>Ecotone {@code setL1BlockValuesEcotone} (0x440a5e20), packed: baseFeeScalar u32, blobBaseFeeScalar u32,
 *       sequence number u64, timestamp u64, number u64, basefee, blobBaseFee, hash, batcher hash (32 each);
 *   <li>Isthmus {@code setL1BlockValuesIsthmus} (0x098999be): Ecotone's fields then operatorFeeScalar u32 and
 *       operatorFeeConstant u64;
 *   <li>Jovian {@code setL1BlockValuesJovian} (0x3db6be2b): Isthmus's fields then daFootprintGasScalar u16, the
 *       system config's value or, while that is 0, the default 400 (jovian/l1-attributes.md).
 * </ul>
 *
 * The block in which a fork activates still uses the previous fork's format (its L1Block contract is upgraded by that
 * block's upgrade transactions, after the deposit has run).
 */
public final class L1InfoDeposit {
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  public static final long REGOLITH_GAS = 1_000_000L;
  public static final long BEDROCK_GAS = 150_000_000L;
  public static final byte[] BEDROCK_SELECTOR = {0x01, 0x5d, (byte) 0x8e, (byte) 0xb9};
  public static final byte[] ECOTONE_SELECTOR = {0x44, 0x0a, 0x5e, 0x20};
  public static final byte[] ISTHMUS_SELECTOR = {0x09, (byte) 0x89, (byte) 0x99, (byte) 0xbe};
  public static final byte[] JOVIAN_SELECTOR = {0x3d, (byte) 0xb6, (byte) 0xbe, 0x2b};
  /** The DA footprint gas scalar the Jovian deposit carries while the system config's is unset (0). */
  public static final int DEFAULT_DA_FOOTPRINT_GAS_SCALAR = 400;
  static final int ECOTONE_LENGTH = 164;
  static final int ISTHMUS_LENGTH = 176;
  static final int JOVIAN_LENGTH = 178;
  /** Cancun's blob base fee update fraction (EIP-4844); Prague's is {@link #PRAGUE_BLOB_FRACTION}. */
  public static final long CANCUN_BLOB_FRACTION = 3_338_477L;
  public static final long PRAGUE_BLOB_FRACTION = 5_007_716L;

  private L1InfoDeposit() {}

  /** The deposit for an L2 block at {@code l2Time} whose L1 origin is {@code l1Origin}. */
  public static DepositTransaction build(RollupConfig config, SystemConfig sys, Header l1Origin, Bytes32 l1OriginHash,
                                         long sequenceNumber, long l2Time, long blobFraction) {
    byte[] data;
    if (activeAfterFirstBlock(config, Hardfork.JOVIAN, l2Time)) {
      data = jovian(sys, l1Origin, l1OriginHash, sequenceNumber, blobFraction);
    } else if (activeAfterFirstBlock(config, Hardfork.ISTHMUS, l2Time)) {
      data = isthmus(sys, l1Origin, l1OriginHash, sequenceNumber, blobFraction);
    } else if (activeAfterFirstBlock(config, Hardfork.ECOTONE, l2Time)) {
      data = ecotone(sys, l1Origin, l1OriginHash, sequenceNumber, blobFraction);
    } else {
      data = bedrock(sys, l1Origin, l1OriginHash, sequenceNumber);
    }
    boolean regolith = config.isActive(Hardfork.REGOLITH, l2Time);
    return new DepositTransaction(SourceHash.l1Info(l1OriginHash, sequenceNumber), DEPOSITOR, L1_BLOCK, BigInteger.ZERO,
        BigInteger.ZERO, regolith ? REGOLITH_GAS : BEDROCK_GAS, !regolith, Bytes.adopt(data));
  }

  /** Active at {@code l2Time} and not in its activation block (whose parent, a block time earlier, was before it). */
  static boolean activeAfterFirstBlock(RollupConfig config, Hardfork fork, long l2Time) {
    return config.isActive(fork, l2Time) && config.isActive(fork, l2Time - config.blockTime());
  }

  static byte[] bedrock(SystemConfig sys, Header l1, Bytes32 hash, long seq) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 * 32).put(BEDROCK_SELECTOR);
    b.put(word(l1.number())).put(word(l1.timestamp())).put(word(baseFee(l1))).put(hash.toArray()).put(word(seq))
        .put(sys.batcherHash().toArray()).put(sys.overhead().toArray()).put(sys.scalar().toArray());
    return b.array();
  }

  static byte[] ecotone(SystemConfig sys, Header l1, Bytes32 hash, long seq, long blobFraction) {
    return ecotoneFields(ByteBuffer.allocate(ECOTONE_LENGTH).put(ECOTONE_SELECTOR), sys, l1, hash, seq, blobFraction).array();
  }

  static byte[] isthmus(SystemConfig sys, Header l1, Bytes32 hash, long seq, long blobFraction) {
    ByteBuffer b = ecotoneFields(ByteBuffer.allocate(ISTHMUS_LENGTH).put(ISTHMUS_SELECTOR), sys, l1, hash, seq, blobFraction);
    b.putInt((int) sys.operatorFeeScalar()).putLong(sys.operatorFeeConstant());
    return b.array();
  }

  static byte[] jovian(SystemConfig sys, Header l1, Bytes32 hash, long seq, long blobFraction) {
    ByteBuffer b = ecotoneFields(ByteBuffer.allocate(JOVIAN_LENGTH).put(JOVIAN_SELECTOR), sys, l1, hash, seq, blobFraction);
    int scalar = sys.daFootprintGasScalar() == 0 ? DEFAULT_DA_FOOTPRINT_GAS_SCALAR : sys.daFootprintGasScalar();
    b.putInt((int) sys.operatorFeeScalar()).putLong(sys.operatorFeeConstant()).putShort((short) scalar);
    return b.array();
  }

  private static ByteBuffer ecotoneFields(ByteBuffer b, SystemConfig sys, Header l1, Bytes32 hash, long seq, long blobFraction) {
    long[] scalars = sys.ecotoneScalars();
    b.putInt((int) scalars[0]).putInt((int) scalars[1]).putLong(seq).putLong(l1.timestamp()).putLong(l1.number());
    b.put(word(baseFee(l1))).put(word(blobBaseFee(l1, blobFraction))).put(hash.toArray()).put(sys.batcherHash().toArray());
    return b;
  }

  /**
   * What an L1-info deposit's calldata says, in any of the four formats; scalars and overhead are Bedrock's words. The
   * fields a format lacks are 0.
   */
  public record Values(long number, long timestamp, Bytes32 hash, long sequenceNumber, Bytes32 batcherHash,
                       Bytes32 overhead, Bytes32 scalar, long operatorFeeScalar, long operatorFeeConstant,
                       int daFootprintGasScalar) {}

  /**
   * Reads an L1-info deposit's calldata, as a program does to find its safe head's L1 origin and system config. For the
   * Ecotone, Isthmus and Jovian formats, the scalar is rebuilt as a version-1 word from the two packed scalars.
   *
   * @throws DerivationException if the selector or length is not one of the four formats'
   */
  public static Values parse(byte[] data) {
    if (data.length < 4) throw new DerivationException("L1-info calldata is " + data.length + " bytes");
    byte[] selector = java.util.Arrays.copyOf(data, 4);
    ByteBuffer b = ByteBuffer.wrap(data);
    if (java.util.Arrays.equals(selector, BEDROCK_SELECTOR)) {
      if (data.length != 260) throw new DerivationException("Bedrock L1-info calldata is " + data.length + " bytes, expected 260");
      return new Values(b.getLong(4 + 24), b.getLong(36 + 24), Bytes32.wrap(data, 100), b.getLong(132 + 24), Bytes32.wrap(data, 164),
          Bytes32.wrap(data, 196), Bytes32.wrap(data, 228), 0, 0, 0);
    }
    boolean jovian = java.util.Arrays.equals(selector, JOVIAN_SELECTOR);
    boolean isthmus = jovian || java.util.Arrays.equals(selector, ISTHMUS_SELECTOR);
    if (!isthmus && !java.util.Arrays.equals(selector, ECOTONE_SELECTOR)) {
      throw new DerivationException("L1-info calldata has unknown selector 0x" + io.fpp4j.primitives.Hex.encode(selector));
    }
    int expected = jovian ? JOVIAN_LENGTH : isthmus ? ISTHMUS_LENGTH : ECOTONE_LENGTH;
    if (data.length != expected) throw new DerivationException("L1-info calldata is " + data.length + " bytes, expected " + expected);
    byte[] scalar = new byte[32];
    scalar[0] = 1;
    System.arraycopy(data, 8, scalar, 24, 4); // blob base fee scalar
    System.arraycopy(data, 4, scalar, 28, 4); // base fee scalar
    return new Values(b.getLong(28), b.getLong(20), Bytes32.wrap(data, 100), b.getLong(12), Bytes32.wrap(data, 132),
        Bytes32.ZERO, Bytes32.wrap(scalar), isthmus ? b.getInt(164) & 0xffffffffL : 0, isthmus ? b.getLong(168) : 0,
        jovian ? b.getShort(176) & 0xffff : 0);
  }

  private static BigInteger baseFee(Header l1) {
    return l1.baseFeePerGas() == null ? BigInteger.ZERO : new BigInteger(Long.toUnsignedString(l1.baseFeePerGas()));
  }

  /** EIP-4844's blob base fee from the L1 block's excess blob gas; 1 (the minimum) before Cancun. */
  public static BigInteger blobBaseFee(Header l1, long fraction) {
    if (l1.excessBlobGas() == null) return BigInteger.ONE;
    return fakeExponential(BigInteger.ONE, new BigInteger(Long.toUnsignedString(l1.excessBlobGas())), BigInteger.valueOf(fraction));
  }

  /** EIP-4844's {@code fake_exponential}: factor · e^(numerator / denominator) by its Taylor series in integers. */
  static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger acc = factor.multiply(denominator);
    for (int i = 1; acc.signum() > 0; i++) {
      output = output.add(acc);
      acc = acc.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }

  private static byte[] word(long v) {
    return word(new BigInteger(Long.toUnsignedString(v)));
  }

  private static byte[] word(BigInteger v) {
    return Bytes32.fromBigInteger(v).toArray();
  }
}
