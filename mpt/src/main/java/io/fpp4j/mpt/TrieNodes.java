package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;

/** The node codec and node fetching shared by the trie operations. */
final class TrieNodes {
  /**
   * "branch child 0" to "branch child f", the names a branch's children have in decoding errors: made once
   * here, not concatenated for each of the sixteen children of every branch decoded, though only an error
   * ever reads them (a fifth of what executing a small block allocated).
   */
  private static final String[] BRANCH_CHILD = new String[16];

  static {
    for (int i = 0; i < 16; i++) BRANCH_CHILD[i] = "branch child " + Integer.toHexString(i);
  }

  private TrieNodes() {}

  /** Writes how a parent refers to {@code child}: inline if under 32 bytes, else by hash. */
  static void writeReference(RlpWriter w, TrieNode child) {
    if (child instanceof TrieNode.Empty) {
      w.writeEmpty();
    } else if (child instanceof TrieNode.Blinded b) {
      w.writeBytes32(b.hash());
    } else {
      byte[] enc = ((TrieNode.Encodable) child).encoding();
      if (enc.length < 32) w.writeRaw(enc);
      else w.writeBytes32(child.hash());
    }
  }

  /** Decodes a whole node; {@code knownHash} (nullable) is cached if the caller already verified it. */
  static TrieNode decode(byte[] rlp, Bytes32 knownHash) {
    if (rlp.length == 1 && rlp[0] == (byte) 0x80) return TrieNode.Empty.INSTANCE; // the empty trie's root
    RlpReader top = RlpReader.of(rlp);
    TrieNode node = readNode(top, rlp, knownHash);
    top.finish("trie node");
    return node;
  }

  private static TrieNode readNode(RlpReader r, byte[] whole, Bytes32 knownHash) {
    int listStart = r.position();
    int listLen = r.nextItemLength("trie node");
    RlpReader l = r.readList("trie node");
    int itemsStart = l.position();
    int end = listStart + listLen;
    // Skipping at most three items tells a leaf or extension (2) from a branch (17): counting all of a
    // branch's items first was a second pass over its 17 headers for every node decoded. A list of three or
    // more that is not a good branch is counted in full after all, so the error is what it was: the count
    // when that is wrong, else the branch's own.
    int count = countItems(itemsStart, whole, end, 3);
    byte[] encoding = java.util.Arrays.copyOfRange(whole, listStart, end);
    if (count == 2) return readLeafOrExtension(l, whole, encoding, knownHash);
    if (count < 2) throw notTwoOrSeventeen(listStart, count);
    try {
      return readBranch(l, whole, encoding, knownHash);
    } catch (RlpException e) {
      int all = countItems(itemsStart, whole, end, Integer.MAX_VALUE);
      if (all != 17) throw notTwoOrSeventeen(listStart, all);
      throw e;
    }
  }

  private static RlpException notTwoOrSeventeen(int listStart, int count) {
    return new RlpException(listStart, "a trie node is a list of 2 or 17 items, this one has " + count);
  }

  private static TrieNode readLeafOrExtension(RlpReader l, byte[] whole, byte[] encoding, Bytes32 knownHash) {
    int pathPos = l.position();
    byte[] compact = l.readBytes("hex-prefix path");
    Nibbles.Compact c;
    try {
      c = Nibbles.fromCompact(compact);
    } catch (IllegalArgumentException e) {
      throw new RlpException(pathPos, e.getMessage());
    }
    if (c.leaf()) {
      int valuePos = l.position();
      Bytes value = l.readByteString("leaf value");
      if (value.isEmpty()) throw new RlpException(valuePos, "leaf with an empty value is not canonical");
      return new TrieNode.Leaf(c.path(), value, encoding, knownHash);
    }
    if (c.path().isEmpty()) throw new RlpException(pathPos, "extension with an empty path is not canonical");
    int childPos = l.position();
    TrieNode child = readChild(l, whole, "extension child");
    if (child instanceof TrieNode.Empty) throw new RlpException(childPos, "extension leads to an empty child");
    if (child instanceof TrieNode.Leaf || child instanceof TrieNode.Extension) {
      throw new RlpException(childPos, "extension leads to an inline " + kind(child) + ", not a branch");
    }
    return new TrieNode.Extension(c.path(), child, encoding, knownHash);
  }

  /** Sixteen children and a value; any other number of items fails here, and {@link #readNode} names the count. */
  private static TrieNode.Branch readBranch(RlpReader l, byte[] whole, byte[] encoding, Bytes32 knownHash) {
    TrieNode[] children = new TrieNode[16];
    int entries = 0;
    for (int i = 0; i < 16; i++) {
      children[i] = readChild(l, whole, BRANCH_CHILD[i]);
      if (!(children[i] instanceof TrieNode.Empty)) entries++;
    }
    int valuePos = l.position();
    Bytes value = l.readByteString("branch value");
    if (l.hasNext()) throw l.errorHere("a branch has no item after its value");
    if (!value.isEmpty()) entries++;
    if (entries < 2) {
      throw new RlpException(valuePos, "branch with " + entries + " entr" + (entries == 1 ? "y" : "ies")
          + " is not canonical (a branch needs at least two)");
    }
    return new TrieNode.Branch(children, value, encoding, knownHash);
  }

  private static TrieNode readChild(RlpReader l, byte[] whole, String what) {
    int pos = l.position();
    // The two common children first, told by their first byte: a 32-byte hash (0xa0) and an empty slot (0x80).
    // One header read each, rather than the three of the general path below.
    if (pos < whole.length && whole[pos] == (byte) 0xa0) {
      l.skip(what); // checks the 32 bytes are there
      return new TrieNode.Blinded(Bytes32.wrap(whole, pos + 1));
    }
    if (pos < whole.length && whole[pos] == (byte) 0x80) {
      l.skip(what);
      return TrieNode.Empty.INSTANCE;
    }
    if (l.nextIsList(what)) {
      int len = l.nextItemLength(what);
      if (len >= 32) {
        throw new RlpException(pos, what + " is inline but " + len + " bytes long; nodes of 32 bytes or more are referenced by hash");
      }
      return readNode(l, whole, null);
    }
    byte[] ref = l.readBytes(what);
    if (ref.length == 0) return TrieNode.Empty.INSTANCE;
    if (ref.length == 32) return new TrieNode.Blinded(Bytes32.wrap(ref));
    throw new RlpException(pos, what + " must be empty, a 32-byte hash or an inline list, got a " + ref.length + "-byte string");
  }

  /** The number of items in {@code whole[from, end)}, counting no further than {@code max}. */
  private static int countItems(int from, byte[] whole, int end, int max) {
    RlpReader c = RlpReader.of(whole, from, end - from);
    int n = 0;
    while (n < max && c.hasNext()) {
      c.skip("trie node item");
      n++;
    }
    return n;
  }

  static String kind(TrieNode n) {
    return n.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Fetches and checks the node behind {@code hash}: the empty-trie root needs no fetch; otherwise the
   * provider's bytes must hash to {@code hash} (checked here unless the provider declares its answers
   * verified) and decode as a canonical node.
   */
  static TrieNode fetch(TrieProvider provider, Bytes32 hash) {
    if (hash.equals(io.fpp4j.primitives.Hashes.EMPTY_TRIE_ROOT)) return TrieNode.Empty.INSTANCE;
    byte[] bytes;
    try {
      bytes = provider.trieNodePreimage(hash);
    } catch (TrieException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TrieException(TrieException.Reason.PROVIDER, "fetching trie node " + hash + " failed: " + e, e);
    }
    if (bytes == null) {
      throw new TrieException(TrieException.Reason.MISSING_NODE, "trie node " + hash + " is not available from the provider");
    }
    if (!provider.answersVerified()) {
      Bytes32 actual = Bytes32.wrap(Hashing.keccak256(bytes));
      if (!actual.equals(hash)) {
        throw new TrieException(TrieException.Reason.HASH_MISMATCH, "provider returned " + bytes.length
            + " bytes for trie node " + hash + " but they hash to " + actual);
      }
    }
    try {
      return decode(bytes, hash);
    } catch (RlpException e) {
      throw new TrieException(TrieException.Reason.MALFORMED_NODE, "trie node " + hash + " (0x"
          + Hex.encode(bytes, 0, Math.min(bytes.length, 40)) + (bytes.length > 40 ? "..." : "") + "): " + e.getMessage(), e);
    }
  }
}
