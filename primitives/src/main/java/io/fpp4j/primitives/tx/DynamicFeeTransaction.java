package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * EIP-1559: {@code 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
 * input, accessList, yParity, r, s])}.
 */
public record DynamicFeeTransaction(
    long chainId, long nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, long gasLimit, Address to,
    BigInteger value, Bytes input, List<AccessListItem> accessList, int yParity, BigInteger r, BigInteger s)
    implements Transaction {

  public DynamicFeeTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    accessList = List.copyOf(accessList);
    Signatures.checkParity(yParity);
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  @Override
  public TxType type() {
    return TxType.DYNAMIC_FEE;
  }

  @Override
  public void writeFields(RlpWriter w) {
    w.startList().writeLong(chainId).writeLong(nonce).writeBigInteger(maxPriorityFeePerGas)
        .writeBigInteger(maxFeePerGas).writeLong(gasLimit).writeOptionalAddress(to).writeBigInteger(value)
        .writeBytes(input);
    AccessListItem.writeList(w, accessList);
    w.writeLong(yParity).writeBigInteger(r).writeBigInteger(s).endList();
  }

  static DynamicFeeTransaction read(RlpReader r) {
    long chainId = r.readLong("eip1559 tx chainId");
    long nonce = r.readLong("eip1559 tx nonce");
    BigInteger tip = r.readBigInteger(16, "eip1559 tx maxPriorityFeePerGas");
    BigInteger cap = r.readBigInteger(16, "eip1559 tx maxFeePerGas");
    long gas = r.readLong("eip1559 tx gasLimit");
    Address to = r.readOptionalAddress("eip1559 tx to");
    BigInteger value = r.readBigInteger(32, "eip1559 tx value");
    Bytes input = r.readByteString("eip1559 tx input");
    List<AccessListItem> al = AccessListItem.readList(r);
    int parity = Signatures.readParity(r, "eip1559 tx yParity");
    BigInteger sr = r.readBigInteger(32, "eip1559 tx r");
    BigInteger ss = r.readBigInteger(32, "eip1559 tx s");
    r.finish("eip1559 tx fields");
    return new DynamicFeeTransaction(chainId, nonce, tip, cap, gas, to, value, input, al, parity, sr, ss);
  }
}
