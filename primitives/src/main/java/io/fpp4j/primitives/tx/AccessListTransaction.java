package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * EIP-2930: {@code 0x01 || rlp([chainId, nonce, gasPrice, gasLimit, to, value, input, accessList,
 * yParity, r, s])}.
 */
public record AccessListTransaction(
    long chainId, long nonce, BigInteger gasPrice, long gasLimit, Address to, BigInteger value, Bytes input,
    List<AccessListItem> accessList, int yParity, BigInteger r, BigInteger s) implements Transaction {

  public AccessListTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    accessList = List.copyOf(accessList);
    Signatures.checkParity(yParity);
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  @Override
  public TxType type() {
    return TxType.ACCESS_LIST;
  }

  @Override
  public void writeFields(RlpWriter w) {
    w.startList().writeLong(chainId).writeLong(nonce).writeBigInteger(gasPrice).writeLong(gasLimit)
        .writeOptionalAddress(to).writeBigInteger(value).writeBytes(input);
    AccessListItem.writeList(w, accessList);
    w.writeLong(yParity).writeBigInteger(r).writeBigInteger(s).endList();
  }

  static AccessListTransaction read(RlpReader r) {
    long chainId = r.readLong("eip2930 tx chainId");
    long nonce = r.readLong("eip2930 tx nonce");
    BigInteger gasPrice = r.readBigInteger(16, "eip2930 tx gasPrice");
    long gas = r.readLong("eip2930 tx gasLimit");
    Address to = r.readOptionalAddress("eip2930 tx to");
    BigInteger value = r.readBigInteger(32, "eip2930 tx value");
    Bytes input = r.readByteString("eip2930 tx input");
    List<AccessListItem> al = AccessListItem.readList(r);
    int parity = Signatures.readParity(r, "eip2930 tx yParity");
    BigInteger sr = r.readBigInteger(32, "eip2930 tx r");
    BigInteger ss = r.readBigInteger(32, "eip2930 tx s");
    r.finish("eip2930 tx fields");
    return new AccessListTransaction(chainId, nonce, gasPrice, gas, to, value, input, al, parity, sr, ss);
  }
}
