package io.fpp4j.host.local;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The agreed pre-state of an interop run ({@code --l2.agreed-prestate}): a super root or a transition state,
 * in op-program's encodings. Local key 2 is its keccak-256 ({@link #root()}); the {@code agreed-pre-state}
 * hint asks for the bytes themselves, and the interop {@code l2-output} hint needs its timestamp.
 *
 * <ul>
 *   <li>super root, version 1: {@code 0x01 ‖ u64be(timestamp) ‖ (chainId[32] ‖ outputRoot[32])*}, at least one
 *       chain;
 *   <li>transition state, version 255: {@code 0xff ‖ rlp([superRoot, [[blockHash, outputRoot], …], step])},
 *       where {@code superRoot} is a version-1 super root as above.
 * </ul>
 *
 * @param bytes the encoding as given
 * @param superRoot the super root: the whole value, or the one inside a transition state
 * @param step the transition step (0 for a super root)
 * @param pending the optimistic blocks a transition state carries (empty for a super root)
 */
public record AgreedPrestate(byte[] bytes, SuperRoot superRoot, long step, List<OptimisticBlock> pending) {
  public static final int SUPER_ROOT_VERSION = 1;
  public static final int TRANSITION_STATE_VERSION = 0xff;

  /** One chain's output in a super root; the chain id is a 256-bit number in the encoding. */
  public record ChainOutput(BigInteger chainId, Bytes32 outputRoot) {}

  /** A version-1 super root. */
  public record SuperRoot(long timestamp, List<ChainOutput> outputs) {
    public SuperRoot {
      outputs = List.copyOf(outputs);
    }
  }

  /** A block a transition state has already derived for the next super root. */
  public record OptimisticBlock(Bytes32 blockHash, Bytes32 outputRoot) {}

  public AgreedPrestate {
    bytes = bytes.clone();
    pending = List.copyOf(pending);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgreedPrestate other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return (transition() ? "transition state (step " + step + ")" : "super root") + " at timestamp "
        + Long.toUnsignedString(timestamp()) + " over " + superRoot.outputs().size() + " chain(s), root " + root();
  }

  /** keccak-256 of the encoding: local key 2 and the key the {@code agreed-pre-state} hint asks for. */
  public Bytes32 root() {
    return Bytes32.wrap(Hashing.keccak256(bytes));
  }

  /** The super root's timestamp, the point of time the interop {@code l2-output} hint is about. */
  public long timestamp() {
    return superRoot.timestamp();
  }

  /** Whether this is a transition state rather than a bare super root. */
  public boolean transition() {
    return (bytes[0] & 0xff) == TRANSITION_STATE_VERSION;
  }

  /**
   * Parses either encoding.
   *
   * @param source what to name in an error, e.g. {@code --l2.agreed-prestate}
   * @throws IllegalArgumentException naming {@code source} and what is wrong
   */
  public static AgreedPrestate parse(byte[] bytes, String source) {
    if (bytes.length == 0) throw new IllegalArgumentException(source + " is empty: expected a super root or a transition state");
    int version = bytes[0] & 0xff;
    if (version == SUPER_ROOT_VERSION) {
      return new AgreedPrestate(bytes, parseSuperRoot(bytes, source), 0, List.of());
    }
    if (version != TRANSITION_STATE_VERSION) {
      throw new IllegalArgumentException(source + " starts with version byte 0x" + String.format("%02x", version)
          + ": expected 0x01 (super root) or 0xff (transition state)");
    }
    try {
      RlpReader top = RlpReader.of(bytes, 1, bytes.length - 1);
      RlpReader fields = top.readList("transition state");
      top.finish("transition state");
      byte[] superRoot = fields.readBytes("transition state super root");
      RlpReader blocks = fields.readList("transition state pending progress");
      List<OptimisticBlock> pending = new ArrayList<>();
      while (blocks.hasNext()) {
        RlpReader block = blocks.readList("optimistic block " + pending.size());
        pending.add(new OptimisticBlock(block.readBytes32("optimistic block hash"), block.readBytes32("optimistic block output root")));
        block.finish("optimistic block " + (pending.size() - 1));
      }
      long step = fields.readLong("transition state step");
      fields.finish("transition state");
      if (superRoot.length == 0 || (superRoot[0] & 0xff) != SUPER_ROOT_VERSION) {
        throw new IllegalArgumentException(source + ": the transition state's super root is not a version-1 super root");
      }
      return new AgreedPrestate(bytes, parseSuperRoot(superRoot, source + " (its super root)"), step, pending);
    } catch (RlpException e) {
      throw new IllegalArgumentException(source + " is not a valid transition state: " + e.getMessage(), e);
    }
  }

  private static SuperRoot parseSuperRoot(byte[] b, String source) {
    if (b.length < 1 + 8 + 64 || (b.length - 9) % 64 != 0) {
      throw new IllegalArgumentException(source + " is a " + b.length + "-byte super root: expected 9 + 64 x N bytes with N >= 1 "
          + "(version, u64 timestamp, then 32-byte chain id and 32-byte output root per chain)");
    }
    long timestamp = 0;
    for (int i = 1; i < 9; i++) timestamp = (timestamp << 8) | (b[i] & 0xff);
    List<ChainOutput> outputs = new ArrayList<>();
    for (int off = 9; off < b.length; off += 64) {
      outputs.add(new ChainOutput(new BigInteger(1, Arrays.copyOfRange(b, off, off + 32)), Bytes32.wrap(b, off + 32)));
    }
    return new SuperRoot(timestamp, outputs);
  }
}
