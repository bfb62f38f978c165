package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * A node of a Merkle-Patricia trie. Nodes are immutable; changing a trie builds new nodes along the
 * changed path and shares the rest. A parent refers to a child by the child's RLP if that is shorter
 * than 32 bytes (inline) and by its keccak256 otherwise; a child known only by that hash is
 * {@link Blinded}.
 *
 * <p>Encodings and hashes are computed once per node and cached, so recomputing a root after a few
 * changes only re-hashes the changed path.
 */
public sealed interface TrieNode permits TrieNode.Empty, TrieNode.Blinded, TrieNode.Leaf, TrieNode.Extension, TrieNode.Branch {

  /** The RLP encoding of this node. */
  byte[] encode();

  /**
   * The node's commitment: keccak256 of its encoding (what a parent stores for a child of 32 bytes or
   * more, and what a root hash is). The empty node commits to the empty-trie root.
   */
  Bytes32 hash();

  /** The empty trie / empty branch slot, RLP {@code 0x80}. */
  final class Empty implements TrieNode {
    public static final Empty INSTANCE = new Empty();
    private static final byte[] ENCODING = {(byte) 0x80};

    private Empty() {}

    @Override
    public byte[] encode() {
      return ENCODING.clone();
    }

    @Override
    public Bytes32 hash() {
      return Hashes.EMPTY_TRIE_ROOT;
    }

    @Override
    public String toString() {
      return "Empty";
    }
  }

  /** A node known only by its hash; its content must be fetched from a {@link TrieProvider}. */
  final class Blinded implements TrieNode {
    private final Bytes32 commitment;

    public Blinded(Bytes32 commitment) {
      this.commitment = Objects.requireNonNull(commitment, "commitment");
    }

    /** A blinded node has no encoding of its own; its parent stores the hash. */
    @Override
    public byte[] encode() {
      throw new IllegalStateException("blinded node " + commitment + " has no known encoding; unblind it first");
    }

    @Override
    public Bytes32 hash() {
      return commitment;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Blinded b && b.commitment.equals(commitment);
    }

    @Override
    public int hashCode() {
      return commitment.hashCode();
    }

    @Override
    public String toString() {
      return "Blinded(" + commitment + ")";
    }
  }

  /** Base for nodes whose encoding is known: caches encoding and hash. */
  abstract class Encodable {
    private volatile byte[] encoding;
    private volatile Bytes32 hash;

    Encodable() {}

    Encodable(byte[] encoding, Bytes32 hash) {
      this.encoding = encoding;
      this.hash = hash;
    }

    abstract byte[] computeEncoding();

    final byte[] cachedEncoding() {
      return encoding;
    }

    final Bytes32 cachedHash() {
      return hash;
    }

    /**
     * True if a parent's reference to {@code before} is still right for {@code after}: a blinded node
     * replaced by its fetched content, or a node rebuilt only because a descendant was unblinded (which
     * carries the same cached encoding). Lets parents keep their cached encoding when a walk merely
     * unblinds.
     */
    static boolean sameReference(TrieNode before, TrieNode after) {
      if (before == after) return true;
      if (!(after instanceof Encodable a)) return false;
      if (before instanceof Blinded b) return b.hash().equals(a.cachedHash());
      if (before instanceof Encodable e) {
        byte[] eb = e.cachedEncoding();
        return eb != null && eb == a.cachedEncoding();
      }
      return false;
    }

    final byte[] encoding() {
      byte[] e = encoding;
      if (e == null) encoding = e = computeEncoding();
      return e;
    }

    public byte[] encode() {
      return encoding().clone();
    }

    public Bytes32 hash() {
      Bytes32 h = hash;
      if (h == null) hash = h = Bytes32.wrap(Hashing.keccak256(encoding()));
      return h;
    }

    /** Same node kind, same content: two nodes are equal iff their encodings are. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Encodable other && o.getClass() == getClass() && Arrays.equals(encoding(), other.encoding());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encoding());
    }
  }

  /** The end of a path: the rest of the key (hex-prefix encoded with the leaf flag) and the value. */
  final class Leaf extends Encodable implements TrieNode {
    private final Nibbles path;
    private final Bytes value;

    public Leaf(Nibbles path, Bytes value) {
      this.path = Objects.requireNonNull(path, "path");
      this.value = Objects.requireNonNull(value, "value");
      if (value.isEmpty()) throw new IllegalArgumentException("a leaf cannot hold an empty value (that is a deletion)");
    }

    Leaf(Nibbles path, Bytes value, byte[] encoding, Bytes32 hash) {
      super(encoding, hash);
      this.path = path;
      this.value = value;
    }

    public Nibbles path() {
      return path;
    }

    public Bytes value() {
      return value;
    }

    @Override
    byte[] computeEncoding() {
      return new RlpWriter(value.length() + path.length() / 2 + 8).startList()
          .writeBytes(path.toCompact(true)).writeBytes(value).endList().toByteArray();
    }

    @Override
    public String toString() {
      return "Leaf(" + path + ", " + value + ")";
    }
  }

  /** A shared run of nibbles leading to a branch. */
  final class Extension extends Encodable implements TrieNode {
    private final Nibbles path;
    private final TrieNode child;

    public Extension(Nibbles path, TrieNode child) {
      this.path = Objects.requireNonNull(path, "path");
      this.child = Objects.requireNonNull(child, "child");
      if (path.isEmpty()) throw new IllegalArgumentException("an extension needs a non-empty path");
      if (child instanceof Leaf || child instanceof Extension || child instanceof Empty) {
        throw new IllegalArgumentException("an extension must lead to a branch, not to " + child);
      }
    }

    Extension(Nibbles path, TrieNode child, byte[] encoding, Bytes32 hash) {
      super(encoding, hash);
      this.path = path;
      this.child = child;
    }

    public Nibbles path() {
      return path;
    }

    public TrieNode child() {
      return child;
    }

    Extension withChild(TrieNode newChild) {
      if (newChild == child) return this;
      if (sameReference(child, newChild)) return new Extension(path, newChild, cachedEncoding(), cachedHash());
      return new Extension(path, newChild);
    }

    @Override
    byte[] computeEncoding() {
      RlpWriter w = new RlpWriter(path.length() / 2 + 40).startList().writeBytes(path.toCompact(false));
      TrieNodes.writeReference(w, child);
      return w.endList().toByteArray();
    }

    @Override
    public String toString() {
      return "Extension(" + path + ", " + child + ")";
    }
  }

  /** Sixteen children, one per next nibble, plus a value for a key that ends here (empty if none). */
  final class Branch extends Encodable implements TrieNode {
    private final TrieNode[] children;
    private final Bytes value;

    /** {@code children} must have 16 entries (use {@link Empty#INSTANCE} for none); it is copied. */
    public Branch(TrieNode[] children, Bytes value) {
      this(checkChildren(children).clone(), Objects.requireNonNull(value, "value"), null, null);
    }

    Branch(TrieNode[] children, Bytes value, byte[] encoding, Bytes32 hash) {
      super(encoding, hash);
      this.children = children;
      this.value = value;
    }

    private static TrieNode[] checkChildren(TrieNode[] c) {
      if (c.length != 16) throw new IllegalArgumentException("a branch has 16 children, got " + c.length);
      for (TrieNode n : c) Objects.requireNonNull(n, "branch child (use TrieNode.Empty.INSTANCE)");
      return c;
    }

    public TrieNode child(int nibble) {
      return children[nibble];
    }

    /** The value stored at this branch; empty if no key ends here (always so in fixed-length-key tries). */
    public Bytes value() {
      return value;
    }

    /** Number of non-empty children plus one if the branch holds a value. */
    public int entryCount() {
      int c = value.isEmpty() ? 0 : 1;
      for (TrieNode n : children) if (!(n instanceof Empty)) c++;
      return c;
    }

    Branch withChild(int nibble, TrieNode child) {
      if (children[nibble] == child) return this;
      TrieNode[] c = children.clone();
      c[nibble] = child;
      if (sameReference(children[nibble], child)) return new Branch(c, value, cachedEncoding(), cachedHash());
      return new Branch(c, value, null, null);
    }

    Branch withValue(Bytes v) {
      return new Branch(children, v, null, null);
    }

    static Branch empty() {
      TrieNode[] c = new TrieNode[16];
      Arrays.fill(c, Empty.INSTANCE);
      return new Branch(c, Bytes.EMPTY, null, null);
    }

    @Override
    byte[] computeEncoding() {
      RlpWriter w = new RlpWriter(16 * 33 + value.length() + 8).startList();
      for (TrieNode c : children) TrieNodes.writeReference(w, c);
      return w.writeBytes(value).endList().toByteArray();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Branch{");
      for (int i = 0; i < 16; i++) if (!(children[i] instanceof Empty)) sb.append(Integer.toHexString(i)).append('=').append(children[i]).append(' ');
      if (!value.isEmpty()) sb.append("value=").append(value);
      return sb.append('}').toString();
    }
  }

  /**
   * Decodes a node from its RLP. Children of 32 bytes or more become {@link Blinded}; inline children
   * are decoded. Non-canonical nodes (an extension with an empty path or leading to a leaf, a branch
   * with fewer than two entries, an inline child of 32 bytes or more, an empty leaf value) are rejected.
   *
   * @throws TrieException with reason {@code MALFORMED_NODE}, naming what is wrong and where
   */
  static TrieNode decode(byte[] rlp) {
    try {
      return TrieNodes.decode(rlp, null);
    } catch (RlpException e) {
      throw new TrieException(TrieException.Reason.MALFORMED_NODE, "invalid trie node RLP: " + e.getMessage(), e);
    }
  }
}
