package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Log;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;

/** Hand-built L1 headers and logs for unit tests. */
final class L1Fixtures {
  private L1Fixtures() {}

  static Header header(long number, long time, Bytes32 parent, Long excessBlobGas) {
    return new Header(parent, Bytes32.ZERO, Address.ZERO, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO,
        Bloom.of(List.of()), BigInteger.ZERO, number, 30_000_000, 0, time, Bytes.EMPTY,
        Bytes32.fromHex("0x" + "5a".repeat(32)), 0, 7L, Bytes32.ZERO, excessBlobGas == null ? null : 0L, excessBlobGas,
        excessBlobGas == null ? null : Bytes32.fromHex("0x" + "be".repeat(32)), null);
  }

  static Bytes32 word(long v) {
    return Bytes32.leftPad(ByteBuffer.allocate(8).putLong(v).array());
  }

  /** ABI {@code bytes} holding {@code payload}, padded to a word. */
  static Bytes abiBytes(byte[] payload) {
    int padded = (payload.length + 31) / 32 * 32;
    ByteBuffer b = ByteBuffer.allocate(64 + padded);
    b.put(word(32).toArray()).put(word(payload.length).toArray()).put(payload);
    return Bytes.adopt(b.array());
  }

  static Log log(Address address, List<Bytes32> topics, Bytes data) {
    return new Log(address, topics, data);
  }
}
