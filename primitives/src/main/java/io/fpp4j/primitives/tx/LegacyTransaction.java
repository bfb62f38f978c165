package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A legacy transaction {@code [nonce, gasPrice, gasLimit, to, value, input, v, r, s]}. With EIP-155
 * replay protection {@code v = chainId * 2 + 35 + parity}; without it {@code v} is 27 or 28.
 */
public record LegacyTransaction(
    long nonce, BigInteger gasPrice, long gasLimit, Address to, BigInteger value, Bytes input,
    long v, BigInteger r, BigInteger s) implements Transaction {

  public LegacyTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (v != 27 && v != 28 && Long.compareUnsigned(v, 35) < 0) {
      throw new IllegalArgumentException("legacy transaction v must be 27, 28 or at least 35 (EIP-155), got " + v);
    }
  }

  @Override
  public TxType type() {
    return TxType.LEGACY;
  }

  /** True if the signature commits to a chain id (EIP-155). */
  public boolean isProtected() {
    return v != 27 && v != 28;
  }

  /** The EIP-155 chain id, or null for an unprotected (pre-EIP-155) transaction. */
  public Long chainId() {
    return isProtected() ? Long.divideUnsigned(v - 35, 2) : null;
  }

  /** The signature's y parity: 0 or 1. */
  public int yParity() {
    return isProtected() ? (int) ((v - 35) & 1) : (int) (v - 27);
  }

  @Override
  public void writeFields(RlpWriter w) {
    w.startList().writeLong(nonce).writeBigInteger(gasPrice).writeLong(gasLimit).writeOptionalAddress(to)
        .writeBigInteger(value).writeBytes(input).writeLong(v).writeBigInteger(r).writeBigInteger(s).endList();
  }

  static LegacyTransaction read(RlpReader r) {
    long nonce = r.readLong("legacy tx nonce");
    BigInteger gasPrice = r.readBigInteger(16, "legacy tx gasPrice");
    long gas = r.readLong("legacy tx gasLimit");
    Address to = r.readOptionalAddress("legacy tx to");
    BigInteger value = r.readBigInteger(32, "legacy tx value");
    Bytes input = r.readByteString("legacy tx input");
    int vPos = r.position();
    long v = r.readLong("legacy tx v");
    if (v != 27 && v != 28 && Long.compareUnsigned(v, 35) < 0) {
      throw new RlpException(vPos, "legacy tx v must be 27, 28 or at least 35 (EIP-155), got " + v);
    }
    BigInteger sr = r.readBigInteger(32, "legacy tx r");
    BigInteger ss = r.readBigInteger(32, "legacy tx s");
    r.finish("legacy tx [nonce, gasPrice, gasLimit, to, value, input, v, r, s]");
    return new LegacyTransaction(nonce, gasPrice, gas, to, value, input, v, sr, ss);
  }
}
