package io.fpp4j.proof.chain;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;

/** The identity of a block: hash, number, parent and timestamp (kona-protocol {@code BlockInfo}). */
public record BlockInfo(Bytes32 hash, long number, Bytes32 parentHash, long timestamp) {
  public static BlockInfo of(Header header) {
    return new BlockInfo(header.hash(), header.number(), header.parentHash(), header.timestamp());
  }
}
