package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed EIP-7702 authorization: {@code [chainId, address, nonce, yParity, r, s]}. The parity is
 * kept as the raw byte: an authorization with a bad signature makes the EVM skip it, not the
 * transaction invalid, so decoding must not reject it.
 */
public record Authorization(BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {
  public Authorization {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (yParity < 0 || yParity > 255) throw new IllegalArgumentException("yParity must fit a byte: " + yParity);
  }

  static void writeList(RlpWriter w, List<Authorization> list) {
    w.startList();
    for (Authorization a : list) {
      w.startList().writeBigInteger(a.chainId).writeAddress(a.address).writeLong(a.nonce).writeLong(a.yParity)
          .writeBigInteger(a.r).writeBigInteger(a.s).endList();
    }
    w.endList();
  }

  static List<Authorization> readList(RlpReader r) {
    RlpReader l = r.readList("authorizationList");
    List<Authorization> out = new ArrayList<>();
    while (l.hasNext()) {
      RlpReader e = l.readList("authorization");
      BigInteger chainId = e.readBigInteger(32, "authorization chainId");
      Address address = e.readAddress("authorization address");
      long nonce = e.readLong("authorization nonce");
      int pos = e.position();
      long parity = e.readLong("authorization yParity");
      if (parity < 0 || parity > 255) throw new io.fpp4j.primitives.rlp.RlpException(pos, "authorization yParity does not fit a byte");
      BigInteger ar = e.readBigInteger(32, "authorization r");
      BigInteger as = e.readBigInteger(32, "authorization s");
      e.finish("authorization [chainId, address, nonce, yParity, r, s]");
      out.add(new Authorization(chainId, address, nonce, (int) parity, ar, as));
    }
    return out;
  }
}
