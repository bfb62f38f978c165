package io.fpp4j.derive;

import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.SetCodeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sender of a signed L1 transaction, which the data source compares with the batcher address. The signing payload
 * is the transaction's RLP list without its three signature fields (typed transactions: behind their type byte;
 * EIP-155 legacy ones: with {@code chainId, 0, 0} in their place), and the sender is the ecrecover of its keccak.
 */
public final class TxSender {
  private static final Ecrecover ECRECOVER = new Ecrecover();

  private TxSender() {}

  /** The sender, or empty if the signature recovers no key. */
  public static Optional<Address> of(Transaction tx) {
    int parity;
    BigInteger r;
    BigInteger s;
    Long legacyChainId = null;
    if (tx instanceof DepositTransaction d) return Optional.of(d.from());
    if (tx instanceof LegacyTransaction t) {
      r = t.r();
      s = t.s();
      if (t.v() == 27 || t.v() == 28) {
        parity = (int) (t.v() - 27);
      } else if (t.v() >= 35) {
        legacyChainId = (t.v() - 35) / 2;
        parity = (int) ((t.v() - 35) % 2);
      } else {
        return Optional.empty();
      }
    } else if (tx instanceof AccessListTransaction t) {
      parity = t.yParity(); r = t.r(); s = t.s();
    } else if (tx instanceof DynamicFeeTransaction t) {
      parity = t.yParity(); r = t.r(); s = t.s();
    } else if (tx instanceof BlobTransaction t) {
      parity = t.yParity(); r = t.r(); s = t.s();
    } else if (tx instanceof SetCodeTransaction t) {
      parity = t.yParity(); r = t.r(); s = t.s();
    } else {
      throw new IllegalArgumentException("unknown transaction kind " + tx.getClass().getSimpleName());
    }
    byte[] hash = signingHash(tx, legacyChainId);
    byte[] input = new byte[128];
    System.arraycopy(hash, 0, input, 0, 32);
    input[63] = (byte) (27 + parity);
    System.arraycopy(Bytes32.fromBigInteger(r).toArray(), 0, input, 64, 32);
    System.arraycopy(Bytes32.fromBigInteger(s).toArray(), 0, input, 96, 32);
    byte[] out = ECRECOVER.run(input);
    if (out.length != 32) return Optional.empty();
    byte[] addr = new byte[20];
    System.arraycopy(out, 12, addr, 0, 20);
    return Optional.of(Address.wrap(addr));
  }

  private static byte[] signingHash(Transaction tx, Long legacyChainId) {
    RlpWriter full = new RlpWriter();
    tx.writeFields(full);
    RlpReader fields = RlpReader.of(full.toByteArray()).readList("transaction");
    List<byte[]> items = new ArrayList<>();
    while (fields.hasNext()) items.add(fields.readRaw("field"));
    RlpWriter w = new RlpWriter();
    boolean legacy = tx instanceof LegacyTransaction;
    if (!legacy) w.writeRaw(new byte[] {(byte) tx.type().code()});
    w.startList();
    for (int i = 0; i < items.size() - 3; i++) w.writeRaw(items.get(i));
    if (legacy && legacyChainId != null) w.writeLong(legacyChainId).writeLong(0).writeLong(0);
    w.endList();
    return Hashing.keccak256(w.toByteArray());
  }
}
