package io.fpp4j.evm;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.util.List;

/** The transaction-wide values the interpreter exposes: ORIGIN, GASPRICE, BLOBHASH. */
public record TxContext(Address origin, UInt256 gasPrice, List<Bytes32> blobHashes) {
  public TxContext {
    blobHashes = List.copyOf(blobHashes);
  }
}
