package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * System-config updates from an L1 block's receipts (system-config spec, "System config updates"): successful
 * receipts' logs from the L1 system config contract with topic {@code ConfigUpdate(uint256,uint8,bytes)}, version 0,
 * whose data is ABI {@code bytes} holding the new value(s):
 *
 * <ul>
 *   <li>0 batcher: an address word; 1 fee scalars: overhead and scalar words (from Ecotone an invalid scalar is
 *       ignored and the overhead zeroed); 2 gas limit: a u64 word; 3 unsafe block signer: not derivation's concern;
 *   <li>4 EIP-1559 params (Holocene): a word whose low 8 bytes are denominator and elasticity; 5 operator fee params
 *       (Isthmus): a word whose low 12 bytes are scalar and constant;
 *   <li>6 minimum base fee (Jovian): a u64 word; 7 DA footprint gas scalar (Jovian): a u16 word.
 * </ul>
 *
 * Like the earlier types, Jovian's are applied whenever they are logged: the L1 contract only emits them once it has
 * been upgraded, and the values only matter to blocks from Jovian on.
 *
 * A malformed update of a known type is an error for the whole L1 block, as in op-node: the contract never emits one.
 */
public final class SystemConfigUpdates {
  public static final Bytes32 CONFIG_UPDATE_TOPIC =
      Bytes32.wrap(Hashing.keccak256("ConfigUpdate(uint256,uint8,bytes)".getBytes(StandardCharsets.US_ASCII)));

  private SystemConfigUpdates() {}

  /** The config after the updates of one L1 block's receipts, that block having timestamp {@code l1Time}. */
  public static SystemConfig apply(RollupConfig config, SystemConfig current, List<Receipt> receipts, long l1Time) {
    SystemConfig c = current;
    for (Receipt r : receipts) {
      if (!r.success()) continue;
      for (Log log : r.logs()) {
        if (!log.address().equals(config.l1SystemConfigAddress())) continue;
        if (log.topics().isEmpty() || !log.topics().get(0).equals(CONFIG_UPDATE_TOPIC)) continue;
        c = applyOne(config, c, log, l1Time);
      }
    }
    return c;
  }

  static SystemConfig applyOne(RollupConfig config, SystemConfig c, Log log, long l1Time) {
    if (log.topics().size() != 3) throw new DerivationException("ConfigUpdate log has " + log.topics().size() + " topics, expected 3");
    if (!log.topics().get(1).equals(Bytes32.ZERO)) throw new DerivationException("ConfigUpdate version " + log.topics().get(1) + " is unknown");
    BigInteger type = new BigInteger(1, log.topics().get(2).toArray());
    byte[] data = log.data().toArray();
    switch (type.intValue() + (type.bitLength() > 8 ? 1000 : 0)) {
      case 0 -> {
        byte[] w = payload(data, 32, "batcher");
        if (!zero(w, 0, 12)) throw new DerivationException("batcher update is not an address: " + Bytes32.wrap(w));
        return c.withBatcher(Address.wrap(Arrays.copyOfRange(w, 12, 32)));
      }
      case 1 -> {
        byte[] w = payload(data, 64, "fee scalars");
        Bytes32 overhead = Bytes32.wrap(Arrays.copyOfRange(w, 0, 32));
        Bytes32 scalar = Bytes32.wrap(Arrays.copyOfRange(w, 32, 64));
        if (config.isEcotoneActive(l1Time)) {
          if (!validEcotoneScalar(scalar.toArray())) return c; // ignored: the old scalar stays
          return c.withFeeScalars(Bytes32.ZERO, scalar);
        }
        return c.withFeeScalars(overhead, scalar);
      }
      case 2 -> {
        byte[] w = payload(data, 32, "gas limit");
        if (!zero(w, 0, 24)) throw new DerivationException("gas limit update does not fit in 64 bits: " + Bytes32.wrap(w));
        return c.withGasLimit(u64(w, 24));
      }
      case 3 -> {
        return c;
      }
      case 4 -> {
        byte[] w = payload(data, 32, "EIP-1559 params");
        if (!zero(w, 0, 24)) throw new DerivationException("EIP-1559 params update has bits above 64: " + Bytes32.wrap(w));
        return c.withEip1559Params(u64(w, 24));
      }
      case 5 -> {
        byte[] w = payload(data, 32, "operator fee params");
        if (!zero(w, 0, 20)) throw new DerivationException("operator fee params update has bits above 96: " + Bytes32.wrap(w));
        return c.withOperatorFeeParams(Bytes32.wrap(w));
      }
      case 6 -> {
        byte[] w = payload(data, 32, "minimum base fee");
        if (!zero(w, 0, 24)) throw new DerivationException("minimum base fee update does not fit in 64 bits: " + Bytes32.wrap(w));
        return c.withMinBaseFee(u64(w, 24));
      }
      case 7 -> {
        byte[] w = payload(data, 32, "DA footprint gas scalar");
        if (!zero(w, 0, 30)) throw new DerivationException("DA footprint gas scalar update does not fit in 16 bits: " + Bytes32.wrap(w));
        return c.withDaFootprintGasScalar((w[30] & 0xff) << 8 | (w[31] & 0xff));
      }
      default -> {
        return c; // a type no fork up to Jovian defines: left alone, as before
      }
    }
  }

  /** Ecotone accepts version 0 with bytes 1..27 zero, and version 1 with bytes 1..23 zero. */
  static boolean validEcotoneScalar(byte[] s) {
    return switch (s[0]) {
      case 0 -> zero(s, 1, 28);
      case 1 -> zero(s, 1, 24);
      default -> false;
    };
  }

  /** The ABI {@code bytes} in a log's data: offset word 0x20, length word, then exactly {@code len} bytes. */
  private static byte[] payload(byte[] data, int len, String what) {
    if (data.length != 64 + len) throw new DerivationException(what + " update data is " + data.length + " bytes, expected " + (64 + len));
    if (!zero(data, 0, 31) || data[31] != 0x20) throw new DerivationException(what + " update data has an offset other than 32");
    if (!zero(data, 32, 63) || (data[63] & 0xff) != len) throw new DerivationException(what + " update data has a length other than " + len);
    return Arrays.copyOfRange(data, 64, 64 + len);
  }

  static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }

  static long u64(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | (b[off + i] & 0xff);
    return v;
  }
}
