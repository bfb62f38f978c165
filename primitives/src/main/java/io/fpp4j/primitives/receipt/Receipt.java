package io.fpp4j.primitives.receipt;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transaction receipt as stored in the receipts trie: {@code rlp([status, cumulativeGasUsed, bloom,
 * logs])}, prefixed by the transaction type byte for typed transactions (EIP-2718).
 *
 * <p>{@code postStateRoot} is set only for pre-Byzantium receipts, which carry an intermediate state
 * root where later receipts carry the status; {@code success} is then meaningless and false. OP deposit
 * receipts may append {@code depositNonce} (Regolith) and {@code depositReceiptVersion} (Canyon).
 */
public record Receipt(
    TxType type,
    Bytes32 postStateRoot,
    boolean success,
    long cumulativeGasUsed,
    Bloom logsBloom,
    List<Log> logs,
    Long depositNonce,
    Long depositReceiptVersion) {

  public Receipt {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(logsBloom, "logsBloom");
    logs = List.copyOf(logs);
    if (postStateRoot != null && success) {
      throw new IllegalArgumentException("a receipt carries either a post-state root or a status, not both");
    }
    if (type != TxType.DEPOSIT && (depositNonce != null || depositReceiptVersion != null)) {
      throw new IllegalArgumentException("only deposit receipts (type 0x7e) carry depositNonce/depositReceiptVersion");
    }
    if (depositReceiptVersion != null && depositNonce == null) {
      throw new IllegalArgumentException("depositReceiptVersion requires depositNonce");
    }
  }

  /** A post-Byzantium receipt whose bloom is computed from its logs. */
  public static Receipt of(TxType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, null, success, cumulativeGasUsed, Bloom.of(logs), logs, null, null);
  }

  /** True if the bloom is the one its logs produce. */
  public boolean bloomMatchesLogs() {
    return logsBloom.equals(Bloom.of(logs));
  }

  /** The EIP-2718 encoding: the bare RLP list for legacy receipts, else type byte then list. */
  public byte[] encode2718() {
    RlpWriter w = new RlpWriter(256 + logs.size() * 128);
    if (type != TxType.LEGACY) w.writeRaw(new byte[] {(byte) type.code()});
    w.startList();
    if (postStateRoot != null) w.writeBytes32(postStateRoot);
    else w.writeBoolean(success);
    w.writeLong(cumulativeGasUsed);
    w.writeBytes(logsBloom.toArray());
    w.startList();
    for (Log l : logs) l.writeTo(w);
    w.endList();
    if (depositNonce != null) w.writeLong(depositNonce);
    if (depositReceiptVersion != null) w.writeLong(depositReceiptVersion);
    w.endList();
    return w.toByteArray();
  }

  /** Decodes an EIP-2718 receipt, rejecting unknown types, non-canonical RLP and trailing bytes. */
  public static Receipt decode2718(byte[] data) {
    if (data.length == 0) throw new RlpException(0, "empty receipt");
    int first = data[0] & 0xff;
    TxType type;
    int off;
    if (first >= 0xc0) {
      type = TxType.LEGACY;
      off = 0;
    } else {
      type = TxType.fromCode(first);
      if (type == null || type == TxType.LEGACY) {
        throw new RlpException(0, "unknown receipt type 0x" + Hex.encode(data, 0, 1));
      }
      off = 1;
    }
    RlpReader top = RlpReader.of(data, off, data.length - off);
    RlpReader r = top.readList("receipt");
    Bytes32 root = null;
    boolean success = false;
    int statusPos = r.position();
    byte[] status = r.readBytes("receipt status or post-state root");
    if (status.length == 32) {
      root = Bytes32.wrap(status);
    } else if (status.length == 0) {
      success = false;
    } else if (status.length == 1 && status[0] == 1) {
      success = true;
    } else {
      throw new RlpException(statusPos,
          "receipt status must be empty, 0x01 or a 32-byte state root, got 0x" + Hex.encode(status));
    }
    long cumulativeGas = r.readLong("cumulativeGasUsed");
    Bloom bloom = Bloom.wrap(r.readFixed(Bloom.LENGTH, "logs bloom"));
    RlpReader lr = r.readList("receipt logs");
    List<Log> logs = new ArrayList<>();
    while (lr.hasNext()) logs.add(Log.readFrom(lr));
    Long depositNonce = null;
    Long version = null;
    if (type == TxType.DEPOSIT) {
      if (r.hasNext()) depositNonce = r.readLong("depositNonce");
      if (r.hasNext()) version = r.readLong("depositReceiptVersion");
    }
    r.finish("receipt fields");
    top.finish("receipt");
    return new Receipt(type, root, success, cumulativeGas, bloom, logs, depositNonce, version);
  }
}
