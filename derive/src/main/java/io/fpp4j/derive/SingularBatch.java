package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One L2 block's batch (derivation spec, "Batch Format"): {@code 0x00 ‖ rlp([parent_hash, epoch_number, epoch_hash,
 * timestamp, transaction_list])}, the transactions opaque EIP-2718 encodings.
 */
public record SingularBatch(Bytes32 parentHash, long epochNumber, Bytes32 epochHash, long timestamp,
                            List<Bytes> transactions) implements Batch {
  public SingularBatch {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(epochHash, "epochHash");
    transactions = List.copyOf(transactions);
  }

  /** @throws DerivationException if the data is not a type-0 batch */
  public static SingularBatch decode(byte[] data) {
    if (data.length == 0 || data[0] != SINGULAR_TYPE) throw new DerivationException("not a singular batch (type byte must be 0)");
    try {
      return RlpReader.decodeWhole(java.util.Arrays.copyOfRange(data, 1, data.length), "singular batch", r -> {
        RlpReader l = r.readList("singular batch");
        Bytes32 parent = l.readBytes32("parent_hash");
        long epochNumber = l.readLong("epoch_number");
        Bytes32 epochHash = l.readBytes32("epoch_hash");
        long timestamp = l.readLong("timestamp");
        RlpReader txl = l.readList("transaction_list");
        List<Bytes> txs = new ArrayList<>();
        while (txl.hasNext()) txs.add(Bytes.adopt(txl.readBytes("transaction")));
        l.finish("singular batch");
        return new SingularBatch(parent, epochNumber, epochHash, timestamp, txs);
      });
    } catch (RlpException e) {
      throw new DerivationException("singular batch does not decode: " + e.getMessage(), e);
    }
  }

  public byte[] encode() {
    RlpWriter w = new RlpWriter();
    w.writeRaw(new byte[] {SINGULAR_TYPE});
    w.startList().writeBytes32(parentHash).writeLong(epochNumber).writeBytes32(epochHash).writeLong(timestamp).startList();
    for (Bytes tx : transactions) w.writeBytes(tx);
    w.endList().endList();
    return w.toByteArray();
  }
}
