package io.fpp4j.primitives.block;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.Objects;

/** A beacon-chain withdrawal (EIP-4895): {@code rlp([index, validatorIndex, address, amountGwei])}. */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  public Withdrawal {
    Objects.requireNonNull(address, "address");
  }

  public byte[] encode() {
    RlpWriter w = new RlpWriter(48);
    writeTo(w);
    return w.toByteArray();
  }

  public void writeTo(RlpWriter w) {
    w.startList().writeLong(index).writeLong(validatorIndex).writeAddress(address).writeLong(amountGwei).endList();
  }

  public static Withdrawal decode(byte[] rlp) {
    return RlpReader.decodeWhole(rlp, "withdrawal", Withdrawal::readFrom);
  }

  public static Withdrawal readFrom(RlpReader r) {
    RlpReader l = r.readList("withdrawal");
    Withdrawal w = new Withdrawal(l.readLong("withdrawal index"), l.readLong("withdrawal validatorIndex"),
        l.readAddress("withdrawal address"), l.readLong("withdrawal amount"));
    l.finish("withdrawal [index, validatorIndex, address, amount]");
    return w;
  }
}
