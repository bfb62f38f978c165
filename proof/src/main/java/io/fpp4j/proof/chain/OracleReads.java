package io.fpp4j.proof.chain;

import io.fpp4j.mpt.TrieException;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracle;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.ProviderException;
import java.util.Arrays;

/** Reads shared by the L1 and L2 providers: keccak preimages, headers, trie nodes. */
public final class OracleReads {
  private OracleReads() {}

  /** The keccak preimage of {@code hash}, checked to hash back to it. */
  public static byte[] keccakPreimage(PreimageOracle oracle, Bytes32 hash, String what) {
    byte[] data = oracle.get(PreimageKey.keccak256(hash));
    byte[] digest = Hashing.keccak256(data);
    if (!Arrays.equals(digest, hash.toArray())) {
      throw new ProviderException(what + " " + hash + ": the " + data.length + "-byte preimage served hashes to "
          + Bytes32.wrap(digest));
    }
    return data;
  }

  /** Decodes a header fetched under {@code hash}; malformed RLP names the block. */
  public static Header header(PreimageOracle oracle, Bytes32 hash, String chain) {
    byte[] rlp = keccakPreimage(oracle, hash, chain + " header");
    try {
      return Header.decode(rlp);
    } catch (IllegalArgumentException e) { // RlpException and invalid field values
      throw new ProviderException("malformed RLP for " + chain + " header " + hash + ": " + e.getMessage(), e);
    }
  }

  /** A trie provider reading nodes as keccak preimages, without hints (the caller has hinted). */
  public static TrieProvider trieNodes(PreimageOracle oracle) {
    return hash -> oracle.get(PreimageKey.keccak256(hash));
  }

  /** Runs a trie walk, turning trie failures into provider failures that name what was being read. */
  public static <T> T walk(String what, java.util.function.Supplier<T> walk) {
    try {
      return walk.get();
    } catch (TrieException e) {
      throw new ProviderException("reading " + what + ": " + e.getMessage(), e);
    }
  }
}
