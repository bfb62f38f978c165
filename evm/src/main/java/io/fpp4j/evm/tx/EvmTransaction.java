package io.fpp4j.evm.tx;

import io.fpp4j.evm.UInt256;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.Authorization;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A transaction as the EVM executes it: the sender already recovered, fee fields normalised. Legacy and
 * EIP-2930 transactions carry their gas price as both {@code maxFeePerGas} and {@code maxPriorityFeePerGas}.
 * Amounts are {@link BigInteger} here because a transaction may declare values beyond 256 bits, which
 * validation must reject by name rather than fail to parse.
 *
 * @param type 0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844, 4 EIP-7702
 * @param to {@code null} for a creation
 * @param deposit non-null for a deposit-style transaction (see {@link Deposit})
 * @param authorizationList EIP-7702's signed authorizations (type 4 only), as decoded: a bad one is
 *     skipped at execution, not rejected here
 */
public record EvmTransaction(int type, Address sender, BigInteger nonce, BigInteger gasLimit,
    BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, Address to, BigInteger value, byte[] data,
    List<AccessListEntry> accessList, List<Bytes32> blobVersionedHashes, BigInteger maxFeePerBlobGas,
    Deposit deposit, List<Authorization> authorizationList) {

  /** A transaction of types 0 to 3, or a deposit: no authorizations. */
  public EvmTransaction(int type, Address sender, BigInteger nonce, BigInteger gasLimit,
      BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, Address to, BigInteger value, byte[] data,
      List<AccessListEntry> accessList, List<Bytes32> blobVersionedHashes, BigInteger maxFeePerBlobGas,
      Deposit deposit) {
    this(type, sender, nonce, gasLimit, maxFeePerGas, maxPriorityFeePerGas, to, value, data, accessList,
        blobVersionedHashes, maxFeePerBlobGas, deposit, List.of());
  }

  public record AccessListEntry(Address address, List<UInt256> storageKeys) {
    public AccessListEntry {
      Objects.requireNonNull(address, "address");
      storageKeys = List.copyOf(storageKeys);
    }
  }

  /**
   * A deposit-style transaction (the OP executor's hook): no signature, no nonce check, no gas purchase
   * or refund; {@code mint} wei are credited to the sender before execution and stay even if it fails.
   */
  public record Deposit(UInt256 mint) {
    public Deposit {
      Objects.requireNonNull(mint, "mint");
    }
  }

  public EvmTransaction {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    authorizationList = List.copyOf(authorizationList);
    if (type < 0 || type > 4) throw new IllegalArgumentException("unsupported transaction type " + type);
    if (type != 4 && !authorizationList.isEmpty()) {
      throw new IllegalArgumentException("a type " + type + " transaction cannot carry authorizations");
    }
  }

  public boolean isCreate() {
    return to == null;
  }
}
