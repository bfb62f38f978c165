package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.Objects;

/**
 * OP Stack deposit: {@code 0x7e || rlp([sourceHash, from, to, mint, value, gasLimit, isSystemTransaction,
 * input])}. It has no nonce and no signature; {@code sourceHash} makes it unique.
 */
public record DepositTransaction(
    Bytes32 sourceHash, Address from, Address to, BigInteger mint, BigInteger value, long gasLimit,
    boolean isSystemTransaction, Bytes input) implements Transaction {

  public DepositTransaction {
    Objects.requireNonNull(sourceHash, "sourceHash");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(mint, "mint");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
  }

  @Override
  public TxType type() {
    return TxType.DEPOSIT;
  }

  @Override
  public void writeFields(RlpWriter w) {
    w.startList().writeBytes32(sourceHash).writeAddress(from).writeOptionalAddress(to).writeBigInteger(mint)
        .writeBigInteger(value).writeLong(gasLimit).writeBoolean(isSystemTransaction).writeBytes(input).endList();
  }

  static DepositTransaction read(RlpReader r) {
    Bytes32 source = r.readBytes32("deposit tx sourceHash");
    Address from = r.readAddress("deposit tx from");
    Address to = r.readOptionalAddress("deposit tx to");
    BigInteger mint = r.readBigInteger(16, "deposit tx mint");
    BigInteger value = r.readBigInteger(32, "deposit tx value");
    long gas = r.readLong("deposit tx gasLimit");
    boolean system = r.readBoolean("deposit tx isSystemTransaction");
    Bytes input = r.readByteString("deposit tx input");
    r.finish("deposit tx [sourceHash, from, to, mint, value, gasLimit, isSystemTransaction, input]");
    return new DepositTransaction(source, from, to, mint, value, gas, system, input);
  }
}
