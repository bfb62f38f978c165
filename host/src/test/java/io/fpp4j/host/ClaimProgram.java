package io.fpp4j.host;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.Io;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HintType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A small fault-proof program for host tests. Local key 1 is the keccak hash of an input; the program hints
 * {@code l2-state-node 0x<hash>} (a catalogue hint that asks for a preimage by its hash), fetches the input as a keccak preimage, reads the block number from local key 4
 * (u64 big-endian), and holds the claim (local key 3) valid iff it equals
 * {@code keccak256(input ‖ u64be(blockNumber))}. As a main, argument {@code crash} makes it fail (exit 2).
 */
public class ClaimProgram implements FaultProofProgram {
  @Override
  public boolean run(OracleClient oracle) {
    byte[] inputHash = oracle.get(PreimageKey.local(1));
    ChainHashHint.of(HintType.L2_STATE_NODE, Bytes32.wrap(inputHash)).sendTo(oracle);
    byte[] input = oracle.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, inputHash));
    long block = ByteBuffer.wrap(oracle.get(PreimageKey.local(4))).getLong();
    byte[] claim = oracle.get(PreimageKey.local(3));
    return Arrays.equals(claim, expectedClaim(input, block));
  }

  public static byte[] expectedClaim(byte[] input, long block) {
    return Hashing.keccak256(ByteBuffer.allocate(input.length + 8).put(input).putLong(block).array());
  }

  /** For --program: always fails with an exception (exit 2). */
  public static class Crashing implements FaultProofProgram {
    @Override
    public boolean run(OracleClient oracle) {
      throw new IllegalStateException("asked to crash");
    }
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("crash")) {
      ProgramEntry.main(new Crashing());
    }
    if (args.length > 0 && args[0].equals("exit")) {
      // A program that ends with an exit code outside the 0/1/2 contract.
      Io.exit(Integer.parseInt(args[1]));
    }
    ProgramEntry.main(new ClaimProgram());
  }
}
