package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One transaction of a span batch, in the batch's split form: its {@code tx_data} (type byte and the fields not stored
 * elsewhere: legacy {@code [value, gasPrice, data]}, type 1 {@code [value, gasPrice, data, accessList]}, type 2
 * {@code [value, maxPriorityFee, maxFee, data, accessList]}, Isthmus's type 4 adding {@code authorizationList}), the
 * recipient (null for a creation), signature, nonce, gas and, for legacy transactions, EIP-155 protection.
 */
public record SpanBatchTx(Bytes txData, Address to, int yParity, BigInteger r, BigInteger s, long nonce, long gas,
                          boolean isProtected) {
  public SpanBatchTx {
    Objects.requireNonNull(txData, "txData");
    if (txData.isEmpty()) throw new IllegalArgumentException("tx_data is empty");
    if (yParity != 0 && yParity != 1) throw new IllegalArgumentException("yParity must be 0 or 1");
  }

  /** 0 for legacy, else the EIP-2718 type. */
  public int type() {
    int first = txData.get(0) & 0xff;
    return first >= 0xc0 ? 0 : first;
  }

  /** The full EIP-2718 encoding, signed for {@code chainId}. */
  public byte[] encode2718(long chainId) {
    RlpReader f = SpanBatch.txDataFields(txData);
    List<byte[]> items = new ArrayList<>();
    while (f.hasNext()) items.add(f.readRaw("tx_data field"));
    int expected = switch (type()) {
      case 0 -> 3;
      case 1 -> 4;
      case 2 -> 5;
      case 4 -> 6;
      default -> throw new IllegalArgumentException("span batch transaction type " + type() + " is not 0, 1, 2 or 4");
    };
    if (items.size() != expected) {
      throw new IllegalArgumentException("type-" + type() + " tx_data has " + items.size() + " fields, expected " + expected);
    }
    if (type() == 4 && to == null) throw new IllegalArgumentException("a set-code transaction cannot create a contract");
    RlpWriter w = new RlpWriter();
    if (type() != 0) w.writeRaw(new byte[] {(byte) type()});
    w.startList();
    if (type() == 0) {
      w.writeLong(nonce).writeRaw(items.get(1)).writeLong(gas).writeOptionalAddress(to).writeRaw(items.get(0)).writeRaw(items.get(2));
      BigInteger v = isProtected
          ? BigInteger.valueOf(chainId).shiftLeft(1).add(BigInteger.valueOf(35 + yParity))
          : BigInteger.valueOf(27 + yParity);
      w.writeBigInteger(v);
    } else {
      w.writeLong(chainId).writeLong(nonce);
      if (type() == 1) {
        w.writeRaw(items.get(1));
      } else {
        w.writeRaw(items.get(1)).writeRaw(items.get(2));
      }
      w.writeLong(gas).writeOptionalAddress(to).writeRaw(items.get(0));
      for (int i = type() == 1 ? 2 : 3; i < items.size(); i++) w.writeRaw(items.get(i));
      w.writeLong(yParity);
    }
    w.writeBigInteger(r).writeBigInteger(s).endList();
    return w.toByteArray();
  }
}
