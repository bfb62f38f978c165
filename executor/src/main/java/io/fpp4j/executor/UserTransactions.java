package io.fpp4j.executor;

import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.AccessListItem;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.Authorization;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.SetCodeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded transaction into what the EVM executes: the sender recovered from the signature over
 * the transaction's signing payload (EIP-155 for legacy, EIP-2718 typed payloads otherwise), fees
 * normalised. The OP Stack accepts legacy, EIP-2930 and EIP-1559 transactions from users, and EIP-7702
 * set-code transactions from Isthmus (no blob transactions). Whether a type is allowed at the block's fork is
 * the EVM's check (a type-4 transaction before Prague's rules is invalid there, by name).
 */
final class UserTransactions {
  /** secp256k1's group order over two: EIP-2 rejects signatures with a larger s. */
  private static final BigInteger HALF_N =
      new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

  private UserTransactions() {}

  /** Why a user transaction cannot be converted; the executor reports it with the transaction's index. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  static EvmTransaction deposit(DepositTransaction d) {
    return new EvmTransaction(0, d.from(), BigInteger.ZERO, BigInteger.valueOf(d.gasLimit()), BigInteger.ZERO,
        BigInteger.ZERO, d.to(), d.value(), d.input().toArray(), List.of(), List.of(), BigInteger.ZERO,
        new EvmTransaction.Deposit(UInt256.fromBigInteger(d.mint())));
  }

  static EvmTransaction user(Transaction tx, long chainId) throws Rejected {
    if (tx instanceof LegacyTransaction t) {
      if (t.isProtected() && t.chainId() != chainId) throw new Rejected("chain id " + t.chainId() + " != " + chainId);
      RlpWriter w = new RlpWriter(128 + t.input().length()).startList().writeLong(t.nonce()).writeBigInteger(t.gasPrice())
          .writeLong(t.gasLimit()).writeOptionalAddress(t.to()).writeBigInteger(t.value()).writeBytes(t.input());
      if (t.isProtected()) w.writeLong(chainId).writeLong(0).writeLong(0);
      byte[] payload = w.endList().toByteArray();
      Address sender = recover(payload, t.yParity(), t.r(), t.s());
      return new EvmTransaction(0, sender, BigInteger.valueOf(t.nonce()), BigInteger.valueOf(t.gasLimit()), t.gasPrice(),
          t.gasPrice(), t.to(), t.value(), t.input().toArray(), List.of(), List.of(), BigInteger.ZERO, null);
    }
    if (tx instanceof AccessListTransaction t) {
      if (t.chainId() != chainId) throw new Rejected("chain id " + t.chainId() + " != " + chainId);
      RlpWriter w = new RlpWriter(128 + t.input().length()).writeRaw(new byte[] {1}).startList().writeLong(t.chainId())
          .writeLong(t.nonce()).writeBigInteger(t.gasPrice()).writeLong(t.gasLimit()).writeOptionalAddress(t.to())
          .writeBigInteger(t.value()).writeBytes(t.input());
      writeAccessList(w, t.accessList());
      Address sender = recover(w.endList().toByteArray(), t.yParity(), t.r(), t.s());
      return new EvmTransaction(1, sender, BigInteger.valueOf(t.nonce()), BigInteger.valueOf(t.gasLimit()), t.gasPrice(),
          t.gasPrice(), t.to(), t.value(), t.input().toArray(), accessList(t.accessList()), List.of(), BigInteger.ZERO,
          null);
    }
    if (tx instanceof DynamicFeeTransaction t) {
      if (t.chainId() != chainId) throw new Rejected("chain id " + t.chainId() + " != " + chainId);
      RlpWriter w = new RlpWriter(128 + t.input().length()).writeRaw(new byte[] {2}).startList().writeLong(t.chainId())
          .writeLong(t.nonce()).writeBigInteger(t.maxPriorityFeePerGas()).writeBigInteger(t.maxFeePerGas())
          .writeLong(t.gasLimit()).writeOptionalAddress(t.to()).writeBigInteger(t.value()).writeBytes(t.input());
      writeAccessList(w, t.accessList());
      Address sender = recover(w.endList().toByteArray(), t.yParity(), t.r(), t.s());
      return new EvmTransaction(2, sender, BigInteger.valueOf(t.nonce()), BigInteger.valueOf(t.gasLimit()),
          t.maxFeePerGas(), t.maxPriorityFeePerGas(), t.to(), t.value(), t.input().toArray(),
          accessList(t.accessList()), List.of(), BigInteger.ZERO, null);
    }
    if (tx instanceof SetCodeTransaction t) {
      if (t.chainId() != chainId) throw new Rejected("chain id " + t.chainId() + " != " + chainId);
      RlpWriter w = new RlpWriter(256 + t.input().length()).writeRaw(new byte[] {4}).startList().writeLong(t.chainId())
          .writeLong(t.nonce()).writeBigInteger(t.maxPriorityFeePerGas()).writeBigInteger(t.maxFeePerGas())
          .writeLong(t.gasLimit()).writeAddress(t.to()).writeBigInteger(t.value()).writeBytes(t.input());
      writeAccessList(w, t.accessList());
      w.startList();
      for (Authorization a : t.authorizationList()) {
        w.startList().writeBigInteger(a.chainId()).writeAddress(a.address()).writeLong(a.nonce()).writeLong(a.yParity())
            .writeBigInteger(a.r()).writeBigInteger(a.s()).endList();
      }
      w.endList();
      Address sender = recover(w.endList().toByteArray(), t.yParity(), t.r(), t.s());
      return new EvmTransaction(4, sender, BigInteger.valueOf(t.nonce()), BigInteger.valueOf(t.gasLimit()),
          t.maxFeePerGas(), t.maxPriorityFeePerGas(), t.to(), t.value(), t.input().toArray(),
          accessList(t.accessList()), List.of(), BigInteger.ZERO, null, t.authorizationList());
    }
    throw new Rejected("transaction type " + tx.type() + " is not accepted from users on this chain");
  }

  private static void writeAccessList(RlpWriter w, List<AccessListItem> list) {
    w.startList();
    for (AccessListItem i : list) {
      w.startList().writeAddress(i.address()).startList();
      for (Bytes32 k : i.storageKeys()) w.writeBytes32(k);
      w.endList().endList();
    }
    w.endList();
  }

  private static List<EvmTransaction.AccessListEntry> accessList(List<AccessListItem> list) {
    List<EvmTransaction.AccessListEntry> out = new ArrayList<>(list.size());
    for (AccessListItem i : list) {
      List<UInt256> keys = new ArrayList<>(i.storageKeys().size());
      for (Bytes32 k : i.storageKeys()) keys.add(UInt256.fromBytes32(k));
      out.add(new EvmTransaction.AccessListEntry(i.address(), keys));
    }
    return out;
  }

  /** The signer of {@code keccak256(payload)}, through the ecrecover precompile's recovery. */
  private static Address recover(byte[] payload, int parity, BigInteger r, BigInteger s) throws Rejected {
    if (s.compareTo(HALF_N) > 0) throw new Rejected("signature s is in the upper half of the curve order (EIP-2)");
    Address sender = Ecrecover.signer(Hashing.keccak256(payload), parity, r, s);
    if (sender == null) throw new Rejected("the signature does not recover to a sender");
    return sender;
  }
}
