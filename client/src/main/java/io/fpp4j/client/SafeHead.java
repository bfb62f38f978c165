package io.fpp4j.client;

import io.fpp4j.derive.L1InfoDeposit;
import io.fpp4j.derive.L2BlockRef;
import io.fpp4j.derive.SystemConfig;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2Block;
import java.util.Arrays;
import java.util.Objects;

/**
 * The L2 block derivation continues from: its header, its place in the L1 chain (the L1 origin and sequence number,
 * from its L1-info deposit) and the system config it was built with.
 */
public record SafeHead(Header header, L2BlockRef ref, SystemConfig systemConfig) {
  public SafeHead {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(systemConfig, "systemConfig");
  }

  /**
   * Reads the safe head from its block: the genesis block has the rollup config's genesis origin and system config;
   * any other starts with an L1-info deposit whose format (Bedrock, Ecotone or Isthmus) its selector names.
   */
  public static SafeHead of(RollupConfig config, L2Block block) {
    Header h = block.header();
    Bytes32 hash = block.hash();
    if (h.number() == config.genesis().l2().number()) {
      if (!hash.equals(config.genesis().l2().hash())) {
        throw new ClientException("the agreed L2 block " + hash + " has the genesis number " + h.number()
            + " but not the rollup config's genesis hash " + config.genesis().l2().hash()
            + ": the rollup config does not match the chain");
      }
      return new SafeHead(h, new L2BlockRef(hash, h.number(), h.timestamp(), config.genesis().l1().number(),
          config.genesis().l1().hash(), 0), SystemConfig.genesis(config));
    }
    if (block.transactions().isEmpty() || !(block.transactions().get(0) instanceof DepositTransaction info)
        || !L1InfoDeposit.L1_BLOCK.equals(info.to())) {
      throw new ClientException("L2 block " + h.number() + " (" + hash + ") does not start with an L1-info deposit");
    }
    byte[] d = info.input().toArray();
    byte[] selector = d.length < 4 ? d : Arrays.copyOf(d, 4);
    long holoceneParams = holoceneParams(config, h);
    if (Arrays.equals(selector, L1InfoDeposit.BEDROCK_SELECTOR) && d.length == 4 + 8 * 32) {
      long number = word(d, 4);
      Bytes32 originHash = Bytes32.wrap(Arrays.copyOfRange(d, 100, 132));
      long seq = word(d, 132);
      SystemConfig sys = new SystemConfig(batcher(d, 164), Bytes32.wrap(Arrays.copyOfRange(d, 196, 228)),
          Bytes32.wrap(Arrays.copyOfRange(d, 228, 260)), h.gasLimit(), holoceneParams, Bytes32.ZERO);
      return new SafeHead(h, new L2BlockRef(hash, h.number(), h.timestamp(), number, originHash, seq), sys);
    }
    boolean ecotone = Arrays.equals(selector, L1InfoDeposit.ECOTONE_SELECTOR) && d.length == 164;
    boolean isthmus = Arrays.equals(selector, L1InfoDeposit.ISTHMUS_SELECTOR) && d.length == 176;
    if (!ecotone && !isthmus) {
      throw new ClientException("the L1-info deposit of L2 block " + h.number() + " has an unknown form: selector 0x"
          + io.fpp4j.primitives.Hex.encode(selector) + ", " + d.length + " bytes");
    }
    // Ecotone layout: selector, baseFeeScalar u32, blobBaseFeeScalar u32, sequence u64, time u64, number u64,
    // basefee, blob basefee, hash, batcher hash; Isthmus adds operatorFeeScalar u32 and operatorFeeConstant u64.
    byte[] scalar = new byte[32];
    scalar[0] = 1;
    System.arraycopy(d, 8, scalar, 24, 4);
    System.arraycopy(d, 4, scalar, 28, 4);
    long seq = u64(d, 12);
    long number = u64(d, 28);
    Bytes32 originHash = Bytes32.wrap(Arrays.copyOfRange(d, 100, 132));
    byte[] operatorFee = new byte[32];
    if (isthmus) System.arraycopy(d, 164, operatorFee, 20, 12);
    SystemConfig sys = new SystemConfig(batcher(d, 132), Bytes32.ZERO, Bytes32.wrap(scalar), h.gasLimit(),
        holoceneParams, Bytes32.wrap(operatorFee));
    return new SafeHead(h, new L2BlockRef(hash, h.number(), h.timestamp(), number, originHash, seq), sys);
  }

  /** Holocene's EIP-1559 parameters live in the header's extraData (version byte, then 8 bytes). */
  private static long holoceneParams(RollupConfig config, Header h) {
    if (!config.isActive(Hardfork.HOLOCENE, h.timestamp())) return 0;
    byte[] extra = h.extraData().toArray();
    if (extra.length < 9) {
      throw new ClientException("Holocene L2 block " + h.number() + " has " + extra.length + " bytes of extraData, not 9 or more");
    }
    return u64(extra, 1);
  }

  private static Address batcher(byte[] d, int off) {
    return Address.wrap(Arrays.copyOfRange(d, off + 12, off + 32));
  }

  private static long u64(byte[] d, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | (d[off + i] & 0xff);
    return v;
  }

  /** A 32-byte word that must hold a u64. */
  private static long word(byte[] d, int off) {
    for (int i = 0; i < 24; i++) {
      if (d[off + i] != 0) throw new ClientException("L1-info deposit word at byte " + off + " does not fit 64 bits");
    }
    return u64(d, off + 24);
  }
}
