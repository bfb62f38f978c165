package io.fpp4j.primitives.block;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.util.Objects;

/**
 * The OP Stack output root, version 0: keccak256 over 128 bytes, namely the version (32 zero bytes),
 * the L2 state root, the storage root of the L2ToL1MessagePasser and the L2 block hash.
 */
public record OutputRoot(Bytes32 stateRoot, Bytes32 messagePasserStorageRoot, Bytes32 blockHash) {
  /** The predeploy whose storage root the output commits to. */
  public static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");

  public static final Bytes32 VERSION_0 = Bytes32.ZERO;

  public OutputRoot {
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(messagePasserStorageRoot, "messagePasserStorageRoot");
    Objects.requireNonNull(blockHash, "blockHash");
  }

  /** The 128-byte preimage of the output root. */
  public byte[] encode() {
    byte[] out = new byte[128];
    VERSION_0.copyTo(out, 0);
    stateRoot.copyTo(out, 32);
    messagePasserStorageRoot.copyTo(out, 64);
    blockHash.copyTo(out, 96);
    return out;
  }

  public Bytes32 hash() {
    return Bytes32.wrap(Hashing.keccak256(encode()));
  }

  /** Parses a 128-byte preimage, rejecting any version but 0. */
  public static OutputRoot decode(byte[] preimage) {
    if (preimage.length != 128) {
      throw new IllegalArgumentException("an output root preimage is 128 bytes, got " + preimage.length);
    }
    Bytes32 version = Bytes32.wrap(preimage, 0);
    if (!version.equals(VERSION_0)) {
      throw new IllegalArgumentException("unknown output root version " + version + " (only version 0 is defined)");
    }
    return new OutputRoot(Bytes32.wrap(preimage, 32), Bytes32.wrap(preimage, 64), Bytes32.wrap(preimage, 96));
  }
}
