package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * EIP-7702: {@code 0x04 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
 * input, accessList, authorizationList, yParity, r, s])}. It cannot create a contract.
 */
public record SetCodeTransaction(
    long chainId, long nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, long gasLimit, Address to,
    BigInteger value, Bytes input, List<AccessListItem> accessList, List<Authorization> authorizationList,
    int yParity, BigInteger r, BigInteger s) implements Transaction {

  public SetCodeTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "a set-code transaction must have a recipient");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    accessList = List.copyOf(accessList);
    authorizationList = List.copyOf(authorizationList);
    Signatures.checkParity(yParity);
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  @Override
  public TxType type() {
    return TxType.SET_CODE;
  }

  @Override
  public void writeFields(RlpWriter w) {
    w.startList().writeLong(chainId).writeLong(nonce).writeBigInteger(maxPriorityFeePerGas)
        .writeBigInteger(maxFeePerGas).writeLong(gasLimit).writeAddress(to).writeBigInteger(value)
        .writeBytes(input);
    AccessListItem.writeList(w, accessList);
    Authorization.writeList(w, authorizationList);
    w.writeLong(yParity).writeBigInteger(r).writeBigInteger(s).endList();
  }

  static SetCodeTransaction read(RlpReader r) {
    long chainId = r.readLong("eip7702 tx chainId");
    long nonce = r.readLong("eip7702 tx nonce");
    BigInteger tip = r.readBigInteger(16, "eip7702 tx maxPriorityFeePerGas");
    BigInteger cap = r.readBigInteger(16, "eip7702 tx maxFeePerGas");
    long gas = r.readLong("eip7702 tx gasLimit");
    Address to = r.readAddress("eip7702 tx to");
    BigInteger value = r.readBigInteger(32, "eip7702 tx value");
    Bytes input = r.readByteString("eip7702 tx input");
    List<AccessListItem> al = AccessListItem.readList(r);
    List<Authorization> auths = Authorization.readList(r);
    int parity = Signatures.readParity(r, "eip7702 tx yParity");
    BigInteger sr = r.readBigInteger(32, "eip7702 tx r");
    BigInteger ss = r.readBigInteger(32, "eip7702 tx s");
    r.finish("eip7702 tx fields");
    return new SetCodeTransaction(chainId, nonce, tip, cap, gas, to, value, input, al, auths, parity, sr, ss);
  }
}
