package io.fpp4j.mpt;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A Merkle-Patricia trie that may be only partly known: nodes are fetched by hash from a
 * {@link TrieProvider} the first time a walk reaches them and are then kept, so later walks over the
 * same path fetch nothing. Reads, inserts and deletes work on such a trie, and {@link #rootHash()}
 * gives the root after any changes. Not thread-safe; the nodes it holds are immutable and may be shared.
 *
 * <p>Keys may have any length (so the plain tries of the Ethereum test suite work); state, storage and
 * ordered-list tries simply use keys of one length. An empty value cannot be stored: use
 * {@link #delete}.
 */
public final class Trie {
  private final TrieProvider provider;
  private final TrieHinter hinter;
  private TrieNode root;

  // Results of the last recursive call, so that the recursion can return the rebuilt node.
  private Bytes found;
  private boolean changed;

  private Trie(TrieNode root, TrieProvider provider, TrieHinter hinter) {
    this.root = Objects.requireNonNull(root, "root");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.hinter = Objects.requireNonNull(hinter, "hinter");
  }

  /** A new, empty trie with no provider. */
  public static Trie empty() {
    return new Trie(TrieNode.Empty.INSTANCE, TrieProvider.NONE, TrieHinter.NOOP);
  }

  /** The trie with root {@code rootHash}, its nodes fetched from {@code provider} as needed. */
  public static Trie open(Bytes32 rootHash, TrieProvider provider, TrieHinter hinter) {
    TrieNode root = rootHash.equals(Hashes.EMPTY_TRIE_ROOT) ? TrieNode.Empty.INSTANCE : new TrieNode.Blinded(rootHash);
    return new Trie(root, provider, hinter);
  }

  /** A trie starting from an existing (possibly partly blinded) root node. */
  public static Trie of(TrieNode root, TrieProvider provider, TrieHinter hinter) {
    return new Trie(root, provider, hinter);
  }

  /** The current root node; blinded parts stay blinded until a walk reaches them. */
  public TrieNode root() {
    return root;
  }

  /**
   * Hands every node this trie holds in full (fetched or written, not the blinded ones) to {@code sink} with its
   * hash, so a caller can serve the nodes of a changed trie to the next reader of the same state (a program that
   * executes block after block reads the state its previous block wrote, which no oracle holds).
   */
  public void forEachResolvedNode(BiConsumer<Bytes32, byte[]> sink) {
    List<TrieNode> todo = new ArrayList<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      TrieNode n = todo.remove(todo.size() - 1);
      if (n == null || n instanceof TrieNode.Empty || n instanceof TrieNode.Blinded) continue;
      sink.accept(n.hash(), n.encode());
      if (n instanceof TrieNode.Extension e) todo.add(e.child());
      else if (n instanceof TrieNode.Branch b) for (int i = 0; i < 16; i++) todo.add(b.child(i));
    }
  }

  /** The root hash: keccak256 of the root node's RLP, even when that is shorter than 32 bytes. */
  public Bytes32 rootHash() {
    return root.hash();
  }

  // ---------------------------------------------------------------- get

  /** The value at {@code key}, or null if the key is absent. */
  public Bytes get(byte[] key) {
    return get(Nibbles.fromKey(key));
  }

  public Bytes get(Nibbles path) {
    found = null;
    root = get(root, path, 0);
    return found;
  }

  private TrieNode get(TrieNode node, Nibbles key, int d) {
    if (node instanceof TrieNode.Blinded b) node = TrieNodes.fetch(provider, b.hash());
    if (node instanceof TrieNode.Leaf leaf) {
      if (leaf.path().length() == key.length() - d && leaf.path().isPrefixOf(key, d)) found = leaf.value();
      return leaf;
    }
    if (node instanceof TrieNode.Extension ext) {
      if (!ext.path().isPrefixOf(key, d)) return ext;
      TrieNode child = unblindExtensionChild(ext, key, d);
      return ext.withChild(get(child, key, d + ext.path().length()));
    }
    if (node instanceof TrieNode.Branch br) {
      if (d == key.length()) {
        if (!br.value().isEmpty()) found = br.value();
        return br;
      }
      int i = key.get(d);
      return br.withChild(i, get(br.child(i), key, d + 1));
    }
    return node; // Empty
  }

  // ---------------------------------------------------------------- put

  /** Sets {@code key} to {@code value}, which must not be empty. */
  public void put(byte[] key, byte[] value) {
    put(Nibbles.fromKey(key), Bytes.of(value));
  }

  public void put(Nibbles path, Bytes value) {
    if (value.isEmpty()) throw new IllegalArgumentException("cannot store an empty value at " + path + "; delete the key instead");
    root = insert(root, path, 0, value);
  }

  private TrieNode insert(TrieNode node, Nibbles key, int d, Bytes value) {
    if (node instanceof TrieNode.Blinded b) node = TrieNodes.fetch(provider, b.hash());
    if (node instanceof TrieNode.Empty) return new TrieNode.Leaf(key.slice(d), value);
    if (node instanceof TrieNode.Leaf leaf) {
      Nibbles p = leaf.path();
      int cp = p.commonPrefixLength(key, d);
      if (cp == p.length() && d + cp == key.length()) {
        return leaf.value().equals(value) ? leaf : new TrieNode.Leaf(p, value);
      }
      TrieNode.Branch br = TrieNode.Branch.empty();
      br = place(br, p, cp, leaf.value());
      br = place(br, key.slice(d), cp, value);
      return cp > 0 ? new TrieNode.Extension(p.slice(0, cp), br) : br;
    }
    if (node instanceof TrieNode.Extension ext) {
      Nibbles p = ext.path();
      int cp = p.commonPrefixLength(key, d);
      if (cp == p.length()) {
        TrieNode child = unblindExtensionChild(ext, key, d);
        return ext.withChild(insert(child, key, d + cp, value));
      }
      TrieNode.Branch br = TrieNode.Branch.empty();
      TrieNode rest = p.length() - cp == 1 ? ext.child() : new TrieNode.Extension(p.slice(cp + 1), ext.child());
      br = br.withChild(p.get(cp), rest);
      br = place(br, key.slice(d), cp, value);
      return cp > 0 ? new TrieNode.Extension(p.slice(0, cp), br) : br;
    }
    TrieNode.Branch br = (TrieNode.Branch) node;
    if (d == key.length()) return br.value().equals(value) ? br : br.withValue(value);
    int i = key.get(d);
    return br.withChild(i, insert(br.child(i), key, d + 1, value));
  }

  /** Puts {@code value} for {@code rest} (a path relative to the branch's parent) under a new branch at {@code at}. */
  private static TrieNode.Branch place(TrieNode.Branch br, Nibbles rest, int at, Bytes value) {
    if (rest.length() == at) return br.withValue(value);
    return br.withChild(rest.get(at), new TrieNode.Leaf(rest.slice(at + 1), value));
  }

  // ---------------------------------------------------------------- delete

  /** Removes {@code key}; returns false if it was not present. */
  public boolean delete(byte[] key) {
    return delete(Nibbles.fromKey(key));
  }

  public boolean delete(Nibbles path) {
    changed = false;
    TrieNode r = delete(root, path, 0);
    root = r;
    return changed;
  }

  private TrieNode delete(TrieNode node, Nibbles key, int d) {
    if (node instanceof TrieNode.Blinded b) node = TrieNodes.fetch(provider, b.hash());
    if (node instanceof TrieNode.Empty) return node;
    if (node instanceof TrieNode.Leaf leaf) {
      if (leaf.path().length() == key.length() - d && leaf.path().isPrefixOf(key, d)) {
        changed = true;
        return TrieNode.Empty.INSTANCE;
      }
      return leaf;
    }
    if (node instanceof TrieNode.Extension ext) {
      if (!ext.path().isPrefixOf(key, d)) return ext;
      TrieNode child = unblindExtensionChild(ext, key, d);
      TrieNode nc = delete(child, key, d + ext.path().length());
      if (!changed) return ext.withChild(nc);
      return joinExtension(ext.path(), nc);
    }
    TrieNode.Branch br = (TrieNode.Branch) node;
    if (d == key.length()) {
      if (br.value().isEmpty()) return br;
      changed = true;
      return collapse(br.withValue(Bytes.EMPTY));
    }
    int i = key.get(d);
    TrieNode nc = delete(br.child(i), key, d + 1);
    TrieNode.Branch nb = br.withChild(i, nc);
    return changed ? collapse(nb) : nb;
  }

  /** An extension over {@code path} whose child changed into {@code child}: merge paths where needed. */
  private static TrieNode joinExtension(Nibbles path, TrieNode child) {
    if (child instanceof TrieNode.Empty) return child;
    if (child instanceof TrieNode.Leaf l) return new TrieNode.Leaf(path.concat(l.path()), l.value());
    if (child instanceof TrieNode.Extension e) return new TrieNode.Extension(path.concat(e.path()), e.child());
    return new TrieNode.Extension(path, child);
  }

  /**
   * A branch that lost an entry stays a branch if it still has two; otherwise its single remaining entry
   * moves up. If that entry is a child known only by hash, the host is told (it is a node that no proof
   * of the deleted key contains) and the child is fetched.
   */
  private TrieNode collapse(TrieNode.Branch br) {
    if (br.entryCount() >= 2) return br;
    int only = -1;
    for (int i = 0; i < 16; i++) if (!(br.child(i) instanceof TrieNode.Empty)) only = i;
    if (only < 0) return br.value().isEmpty() ? TrieNode.Empty.INSTANCE : new TrieNode.Leaf(Nibbles.EMPTY, br.value());
    TrieNode child = br.child(only);
    if (child instanceof TrieNode.Blinded b) {
      hinter.hintTrieNode(b.hash());
      child = TrieNodes.fetch(provider, b.hash());
    }
    return joinExtension(Nibbles.of(only), child);
  }

  private TrieNode unblindExtensionChild(TrieNode.Extension ext, Nibbles key, int d) {
    TrieNode child = ext.child();
    if (!(child instanceof TrieNode.Blinded b)) return child;
    TrieNode fetched = TrieNodes.fetch(provider, b.hash());
    if (!(fetched instanceof TrieNode.Branch)) {
      throw new TrieException(TrieException.Reason.MALFORMED_PATH, "malformed trie at path " + key.slice(0, d)
          + ": extension " + ext.path() + " leads to node " + b.hash() + ", which is a " + TrieNodes.kind(fetched)
          + " and not a branch");
    }
    return fetched;
  }

  // ---------------------------------------------------------------- walks and proofs

  /**
   * Visits every key and value in key order, fetching every blinded node; the fetched nodes are kept.
   * Keys are given as nibble paths (use {@link Nibbles#toKey} for byte keys).
   */
  public void forEach(BiConsumer<Nibbles, Bytes> visitor) {
    root = walk(root, Nibbles.EMPTY, visitor);
  }

  private TrieNode walk(TrieNode node, Nibbles prefix, BiConsumer<Nibbles, Bytes> visitor) {
    if (node instanceof TrieNode.Blinded b) node = TrieNodes.fetch(provider, b.hash());
    if (node instanceof TrieNode.Leaf leaf) {
      visitor.accept(prefix.concat(leaf.path()), leaf.value());
      return leaf;
    }
    if (node instanceof TrieNode.Extension ext) {
      TrieNode child = unblindExtensionChild(ext, prefix, prefix.length());
      return ext.withChild(walk(child, prefix.concat(ext.path()), visitor));
    }
    if (node instanceof TrieNode.Branch br) {
      if (!br.value().isEmpty()) visitor.accept(prefix, br.value());
      TrieNode.Branch out = br;
      for (int i = 0; i < 16; i++) {
        TrieNode c = br.child(i);
        if (!(c instanceof TrieNode.Empty)) out = out.withChild(i, walk(c, prefix.concat(Nibbles.of(i)), visitor));
      }
      return out;
    }
    return node;
  }

  /**
   * A Merkle proof for {@code key} in the form of {@code eth_getProof}: the RLP of every node on the path
   * from the root that its parent refers to by hash (the root always), in root-first order. It proves
   * the value or, if the key is absent, its absence.
   */
  public List<byte[]> proof(byte[] key) {
    get(key); // unblind the path
    Nibbles path = Nibbles.fromKey(key);
    List<byte[]> out = new ArrayList<>();
    TrieNode node = root;
    int d = 0;
    boolean byHash = true;
    while (true) {
      if (node instanceof TrieNode.Empty) {
        if (out.isEmpty()) out.add(node.encode());
        return out;
      }
      byte[] enc = node.encode();
      if (byHash || enc.length >= 32) out.add(enc);
      byHash = false;
      if (node instanceof TrieNode.Leaf) return out;
      if (node instanceof TrieNode.Extension ext) {
        if (!ext.path().isPrefixOf(path, d)) return out;
        d += ext.path().length();
        node = ext.child();
      } else {
        TrieNode.Branch br = (TrieNode.Branch) node;
        if (d == path.length()) return out;
        node = br.child(path.get(d++));
      }
    }
  }
}
