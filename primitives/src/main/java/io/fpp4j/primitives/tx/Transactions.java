package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.List;

/** Decoding of EIP-2718 envelopes, as found in transaction tries and payloads, and of block bodies. */
public final class Transactions {
  private Transactions() {}

  /**
   * Decodes one EIP-2718 envelope spanning all of {@code data}: a legacy RLP list (first byte at least
   * 0xc0) or a type byte followed by that type's RLP list. Unknown types, non-canonical RLP, missing or
   * extra fields and trailing bytes are rejected with the byte offset.
   */
  public static Transaction decode2718(byte[] data) {
    if (data.length == 0) throw new RlpException(0, "empty transaction envelope");
    int first = data[0] & 0xff;
    if (first >= 0xc0) {
      RlpReader top = RlpReader.of(data);
      LegacyTransaction tx = LegacyTransaction.read(top.readList("legacy transaction"));
      top.finish("legacy transaction");
      return tx;
    }
    TxType type = first <= 0x7f ? TxType.fromCode(first) : null;
    if (type == null || type == TxType.LEGACY) {
      throw new RlpException(0, "unknown EIP-2718 transaction type 0x" + Hex.encode(data, 0, 1));
    }
    RlpReader top = RlpReader.of(data, 1, data.length - 1);
    RlpReader r = top.readList(type + " transaction");
    Transaction tx = switch (type) {
      case ACCESS_LIST -> AccessListTransaction.read(r);
      case DYNAMIC_FEE -> DynamicFeeTransaction.read(r);
      case BLOB -> BlobTransaction.read(r);
      case SET_CODE -> SetCodeTransaction.read(r);
      case DEPOSIT -> DepositTransaction.read(r);
      case LEGACY -> throw new AssertionError("handled above");
    };
    top.finish(type + " transaction");
    return tx;
  }

  /**
   * Reads one transaction in its block-body form: a legacy transaction is an RLP list, a typed one an
   * RLP string holding its EIP-2718 envelope.
   */
  public static Transaction readBodyItem(RlpReader r) {
    if (r.nextIsList("transaction")) {
      return LegacyTransaction.read(r.readList("legacy transaction"));
    }
    int pos = r.position();
    byte[] envelope = r.readBytes("typed transaction envelope");
    if (envelope.length > 0 && (envelope[0] & 0xff) >= 0xc0) {
      throw new RlpException(pos, "a legacy transaction in a block body must be a list, not wrapped in a string");
    }
    try {
      return decode2718(envelope);
    } catch (RlpException e) {
      throw new RlpException(pos, "in the typed transaction at this offset: " + e.getMessage());
    }
  }

  /** Writes a transaction in its block-body form (see {@link #readBodyItem}). */
  public static void writeBodyItem(RlpWriter w, Transaction tx) {
    if (tx.type() == TxType.LEGACY) tx.writeFields(w);
    else w.writeBytes(tx.encode2718());
  }

  /** Decodes the RLP list of transactions of a block body. */
  public static List<Transaction> decodeBodyList(byte[] rlp) {
    RlpReader top = RlpReader.of(rlp);
    RlpReader l = top.readList("transactions list");
    List<Transaction> out = new ArrayList<>();
    while (l.hasNext()) out.add(readBodyItem(l));
    top.finish("transactions list");
    return out;
  }

  public static byte[] encodeBodyList(List<Transaction> txs) {
    RlpWriter w = new RlpWriter(1024);
    w.startList();
    for (Transaction tx : txs) writeBodyItem(w, tx);
    return w.endList().toByteArray();
  }
}
