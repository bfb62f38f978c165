package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.DepositTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * User deposits (deposits spec, "Deposit Contract" and "User-Deposited Transactions"): each
 * {@code TransactionDeposited(address indexed from, address indexed to, uint256 indexed version, bytes opaqueData)}
 * log of the deposit contract in a successful L1 receipt becomes a deposit transaction. Version 0's opaque data is
 * {@code mint (32) ‖ value (32) ‖ gasLimit (8) ‖ isCreation (1) ‖ data}. The source hash is made from the L1 block
 * hash and the log's index among all of the block's logs.
 */
public final class UserDeposits {
  public static final Bytes32 DEPOSIT_EVENT_TOPIC = Bytes32.wrap(
      Hashing.keccak256("TransactionDeposited(address,address,uint256,bytes)".getBytes(StandardCharsets.US_ASCII)));

  private UserDeposits() {}

  /**
   * The deposits of an L1 block with {@code blockHash}, in log order.
   *
   * @throws DerivationException if a deposit log is malformed (the contract cannot emit one, so the block is bad)
   */
  public static List<DepositTransaction> of(Address depositContract, Bytes32 blockHash, List<Receipt> receipts) {
    List<DepositTransaction> out = new ArrayList<>();
    long logIndex = 0;
    for (Receipt r : receipts) {
      for (Log log : r.logs()) {
        long index = logIndex++;
        if (!r.success() || !log.address().equals(depositContract)) continue;
        if (log.topics().isEmpty() || !log.topics().get(0).equals(DEPOSIT_EVENT_TOPIC)) continue;
        out.add(decode(log, SourceHash.userDeposit(blockHash, index)));
      }
    }
    return out;
  }

  static DepositTransaction decode(Log log, Bytes32 sourceHash) {
    if (log.topics().size() != 4) throw new DerivationException("deposit log has " + log.topics().size() + " topics, expected 4");
    Address from = addressTopic(log.topics().get(1), "from");
    Address to = addressTopic(log.topics().get(2), "to");
    if (!log.topics().get(3).equals(Bytes32.ZERO)) {
      throw new DerivationException("deposit log version " + log.topics().get(3) + " is unknown (only 0)");
    }
    byte[] data = log.data().toArray();
    if (data.length < 64 || data.length % 32 != 0) {
      throw new DerivationException("deposit log data is " + data.length + " bytes, not ABI bytes (64 + a multiple of 32)");
    }
    if (!SystemConfigUpdates.zero(data, 0, 31) || data[31] != 0x20) throw new DerivationException("deposit log data's offset is not 32");
    if (!SystemConfigUpdates.zero(data, 32, 56)) throw new DerivationException("deposit log data's length does not fit in 64 bits");
    long length = SystemConfigUpdates.u64(data, 56);
    long room = data.length - 64L;
    if (Long.compareUnsigned(length, room) > 0 || (length + 31) / 32 * 32 != room) {
      throw new DerivationException("deposit log opaque data length " + Long.toUnsignedString(length) + " does not match its "
          + room + " padded bytes");
    }
    if (!SystemConfigUpdates.zero(data, 64 + (int) length, data.length)) throw new DerivationException("deposit log padding is not zero");
    byte[] opaque = Arrays.copyOfRange(data, 64, 64 + (int) length);
    if (opaque.length < 32 + 32 + 8 + 1) throw new DerivationException("deposit opaque data is " + opaque.length + " bytes, below 73");
    BigInteger mint = new BigInteger(1, Arrays.copyOfRange(opaque, 0, 32));
    BigInteger value = new BigInteger(1, Arrays.copyOfRange(opaque, 32, 64));
    long gas = SystemConfigUpdates.u64(opaque, 64);
    boolean creation = opaque[72] != 0;
    Bytes input = Bytes.adopt(Arrays.copyOfRange(opaque, 73, opaque.length));
    return new DepositTransaction(sourceHash, from, creation ? null : to, mint, value, gas, false, input);
  }

  private static Address addressTopic(Bytes32 topic, String what) {
    byte[] t = topic.toArray();
    if (!SystemConfigUpdates.zero(t, 0, 12)) throw new DerivationException("deposit log " + what + " topic is not an address: " + topic);
    return Address.wrap(Arrays.copyOfRange(t, 12, 32));
  }
}
