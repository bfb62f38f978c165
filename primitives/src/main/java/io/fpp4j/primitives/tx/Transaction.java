package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;

/**
 * A transaction in its EIP-2718 envelope. Decoding is strict, so encoding a decoded transaction gives
 * back exactly the bytes it came from. Decode with {@link Transactions#decode2718}.
 */
public sealed interface Transaction
    permits LegacyTransaction, AccessListTransaction, DynamicFeeTransaction, BlobTransaction,
        SetCodeTransaction, DepositTransaction {

  TxType type();

  long gasLimit();

  /** The recipient, or null for a contract creation. */
  Address to();

  BigInteger value();

  Bytes input();

  /** Writes the transaction's RLP list (without the type byte). */
  void writeFields(RlpWriter w);

  /** True for OP Stack deposits (type 0x7e), which are derived from L1 and have no signature. */
  default boolean isDeposit() {
    return type() == TxType.DEPOSIT;
  }

  /** The EIP-2718 encoding: the RLP list for legacy, else the type byte followed by the RLP list. */
  default byte[] encode2718() {
    RlpWriter w = new RlpWriter(128 + input().length());
    if (type() != TxType.LEGACY) w.writeRaw(new byte[] {(byte) type().code()});
    writeFields(w);
    return w.toByteArray();
  }

  /** The transaction hash: keccak256 of the EIP-2718 encoding. */
  default Bytes32 hash() {
    return Bytes32.wrap(Hashing.keccak256(encode2718()));
  }
}
