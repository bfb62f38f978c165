package io.fpp4j.primitives.state;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.Objects;

/** An account as stored in the state trie: {@code rlp([nonce, balance, storageRoot, codeHash])}. */
public record Account(long nonce, BigInteger balance, Bytes32 storageRoot, Bytes32 codeHash) {
  public static final Account EMPTY =
      new Account(0, BigInteger.ZERO, Hashes.EMPTY_TRIE_ROOT, Hashes.EMPTY_CODE_HASH);

  public Account {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(storageRoot, "storageRoot");
    Objects.requireNonNull(codeHash, "codeHash");
    if (balance.signum() < 0 || balance.bitLength() > 256) {
      throw new IllegalArgumentException("balance is not an unsigned 256-bit number: " + balance);
    }
  }

  public byte[] encode() {
    return new RlpWriter(110).startList().writeLong(nonce).writeBigInteger(balance)
        .writeBytes32(storageRoot).writeBytes32(codeHash).endList().toByteArray();
  }

  public static Account decode(byte[] rlp) {
    RlpReader top = RlpReader.of(rlp);
    RlpReader r = top.readList("account");
    Account a = new Account(r.readLong("account nonce"), r.readBigInteger(32, "account balance"),
        r.readBytes32("account storageRoot"), r.readBytes32("account codeHash"));
    r.finish("account [nonce, balance, storageRoot, codeHash]");
    top.finish("account");
    return a;
  }

  public boolean hasCode() {
    return !codeHash.equals(Hashes.EMPTY_CODE_HASH);
  }
}
