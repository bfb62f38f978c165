package io.fpp4j.host.online;

import io.fpp4j.primitives.Hashing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The claim {@link L1WalkProgram} checks: a keccak digest over a run of L1 blocks, newest first, of each
 * block's hash and, per transaction, its hash, receipt status, cumulative gas and logs. The program feeds
 * it from tries walked through the oracle; the test feeds it from the node's JSON answers.
 */
final class L1Digest {
  record LogEntry(byte[] address, List<byte[]> topics, byte[] data) {}

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  L1Digest block(byte[] hash, int txCount) {
    out.writeBytes(hash);
    out.writeBytes(ByteBuffer.allocate(4).putInt(txCount).array());
    return this;
  }

  L1Digest tx(byte[] txHash, boolean success, long cumulativeGas, List<LogEntry> logs) {
    out.writeBytes(txHash);
    out.write(success ? 1 : 0);
    out.writeBytes(ByteBuffer.allocate(12).putLong(cumulativeGas).putInt(logs.size()).array());
    for (LogEntry l : logs) {
      out.writeBytes(l.address());
      out.writeBytes(ByteBuffer.allocate(4).putInt(l.topics().size()).array());
      for (byte[] t : l.topics()) out.writeBytes(t);
      out.writeBytes(Hashing.keccak256(l.data()));
    }
    return this;
  }

  byte[] digest() {
    return Hashing.keccak256(out.toByteArray());
  }
}
