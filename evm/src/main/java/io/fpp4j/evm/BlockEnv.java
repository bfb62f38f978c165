package io.fpp4j.evm;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The block a transaction executes in, as the EVM sees it.
 *
 * @param prevRandao PREVRANDAO from the merge on (the DIFFICULTY opcode's value before it is {@code difficulty})
 * @param excessBlobGas EIP-4844's excess blob gas, from which BLOBBASEFEE and the blob fee derive
 * @param blockHashes the hash of an earlier block by number (only asked for the 256 before {@code number})
 */
public record BlockEnv(Address coinbase, long number, long timestamp, long gasLimit, UInt256 baseFee,
    UInt256 difficulty, Bytes32 prevRandao, long excessBlobGas, LongFunction<Bytes32> blockHashes) {
  public BlockEnv {
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(blockHashes, "blockHashes");
  }

  /** The blob base fee under {@code schedule} (its update fraction changes with the fork, EIP-7691). */
  public UInt256 blobBaseFee(BlobSchedule schedule) {
    return schedule.blobBaseFee(excessBlobGas);
  }
}
