package io.fpp4j.proof.l2;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.tx.Transaction;
import java.util.List;

/** An L2 block: header, hash and transactions (OP blocks have no ommers; withdrawals are always empty). */
public record L2Block(Header header, Bytes32 hash, List<Transaction> transactions) {
  public L2Block {
    transactions = List.copyOf(transactions);
  }
}
