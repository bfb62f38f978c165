package io.fpp4j.mpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad node bytes, bad hashes and malformed paths each fail with a clear, specific error. */
class TrieNodeErrorsTest {
  static final byte[] K0 = Hex.decode("0x" + "01".repeat(32));
  static final byte[] K1 = Hex.decode("0x" + "12".repeat(32));
  static final byte[] LONG = Hex.decode("0x" + "ab".repeat(40)); // leaf encodings of 32+ bytes

  static void assertTrieError(ThrowingCallable call, TrieException.Reason reason, String message) {
    assertThatThrownBy(call).isInstanceOf(TrieException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((TrieException) e).reason()).isEqualTo(reason));
  }

  static BuiltTrie twoLeaves() {
    return TrieBuilder.build(List.of(new TrieBuilder.Entry(K0, LONG), new TrieBuilder.Entry(K1, LONG)), true);
  }

  @Test
  void nodeCodecRoundTripsAndInlinesSmallChildren() {
    Trie t = Trie.empty();
    t.put(Hex.decode("0x01"), Hex.decode("0x05"));
    t.put(Hex.decode("0x02"), Hex.decode("0x06"));
    TrieNode root = t.root();
    byte[] enc = root.encode();
    // Extension over nibble 0, then a branch with two inline leaves (each 3 bytes, far below 32).
    assertThat(Hex.encode(enc)).isEqualTo("d7" + "10" + "d5" + "80" + "c22005" + "c22006" + "80".repeat(14));
    TrieNode back = TrieNode.decode(enc);
    assertThat(back).isEqualTo(root);
    assertThat(back.hash()).isEqualTo(root.hash());
    assertThat(((TrieNode.Extension) back).child()).isInstanceOf(TrieNode.Branch.class);
    assertThat(TrieNode.decode(new byte[] {(byte) 0x80})).isSameAs(TrieNode.Empty.INSTANCE);
    // Large children are referenced by hash and decode as blinded.
    BuiltTrie two = twoLeaves();
    TrieNode.Branch br = (TrieNode.Branch) TrieNode.decode(two.nodes().get(two.root()));
    assertThat(br.child(0)).isInstanceOf(TrieNode.Blinded.class);
    assertThat(two.nodes()).containsKey(br.child(0).hash());
  }

  @Test
  void truncatedNodeRlpIsRejected() {
    BuiltTrie two = twoLeaves();
    byte[] root = two.nodes().get(two.root());
    byte[] truncated = Arrays.copyOf(root, root.length - 5);
    assertTrieError(() -> TrieNode.decode(truncated), TrieException.Reason.MALFORMED_NODE,
        "invalid trie node RLP: RLP error at byte offset 0: list for trie node declares");
    // Served under its own hash, the provider's bytes pass the hash check but not decoding.
    Bytes32 h = Bytes32.keccak256(truncated);
    Trie t = Trie.open(h, TrieProvider.of(Map.of(h, truncated)), TrieHinter.NOOP);
    assertTrieError(() -> t.get(K0), TrieException.Reason.MALFORMED_NODE, "trie node " + h);
  }

  @Test
  void corruptedNodeUnderItsOriginalHashIsAHashMismatch() {
    BuiltTrie two = twoLeaves();
    Map<Bytes32, byte[]> nodes = new HashMap<>(two.nodes());
    byte[] corrupted = nodes.get(two.root()).clone();
    corrupted[10] ^= 0x40;
    nodes.put(two.root(), corrupted);
    Trie t = Trie.open(two.root(), TrieProvider.of(nodes), TrieHinter.NOOP);
    assertTrieError(() -> t.get(K0), TrieException.Reason.HASH_MISMATCH,
        "provider returned " + corrupted.length + " bytes for trie node " + two.root() + " but they hash to "
            + Bytes32.keccak256(corrupted));
  }

  @Test
  void providersAreUnverifiedUnlessDeclared() {
    BuiltTrie two = twoLeaves();
    assertThat(TrieProvider.of(two.nodes()).answersVerified()).isFalse();
    assertThat(TrieProvider.NONE.answersVerified()).isFalse();
    TrieProvider lambda = h -> two.nodes().get(h);
    assertThat(lambda.answersVerified()).isFalse();
    TrieProvider verified = TrieProvider.verified(lambda);
    assertThat(verified.answersVerified()).isTrue();
    assertThat(verified.trieNodePreimage(two.root())).isSameAs(two.nodes().get(two.root()));
    assertThat(Trie.open(two.root(), verified, TrieHinter.NOOP).get(K0)).isEqualTo(
        Trie.open(two.root(), TrieProvider.of(two.nodes()), TrieHinter.NOOP).get(K0));
  }

  /**
   * The contract of a verified provider: the trie does not hash its answers, so a well-formed but wrong node
   * it serves is believed (the provider, having checked its bytes on load, is responsible), while the same
   * bytes from an unverified provider are refused naming the node's hash.
   */
  @Test
  void aVerifiedProviderIsNotHashCheckedAnUnverifiedOneIs() {
    BuiltTrie two = twoLeaves();
    BuiltTrie other = TrieBuilder.build(List.of(new TrieBuilder.Entry(K0, new byte[] {0x42})), true);
    byte[] wrong = other.nodes().get(other.root());
    Map<Bytes32, byte[]> swapped = new HashMap<>(two.nodes());
    swapped.put(two.root(), wrong);

    Trie unverified = Trie.open(two.root(), TrieProvider.of(swapped), TrieHinter.NOOP);
    assertTrieError(() -> unverified.get(K0), TrieException.Reason.HASH_MISMATCH,
        "bytes for trie node " + two.root() + " but they hash to " + other.root());

    Trie trusted = Trie.open(two.root(), TrieProvider.verified(TrieProvider.of(swapped)), TrieHinter.NOOP);
    assertThat(trusted.get(K0).toArray()).containsExactly(0x42);
    // Structure is still checked: malformed bytes fail to decode even from a verified provider.
    byte[] root = two.nodes().get(two.root());
    swapped.put(two.root(), Arrays.copyOf(root, root.length - 5));
    Trie malformed = Trie.open(two.root(), TrieProvider.verified(TrieProvider.of(swapped)), TrieHinter.NOOP);
    assertTrieError(() -> malformed.get(K0), TrieException.Reason.MALFORMED_NODE, "trie node " + two.root());
  }

  @Test
  void missingNodeAndFailingProviderAreReported() {
    BuiltTrie two = twoLeaves();
    Trie t = Trie.open(two.root(), TrieProvider.NONE, TrieHinter.NOOP);
    assertTrieError(() -> t.get(K0), TrieException.Reason.MISSING_NODE,
        "trie node " + two.root() + " is not available from the provider");
    Trie failing = Trie.open(two.root(), h -> {
      throw new IllegalStateException("oracle pipe closed");
    }, TrieHinter.NOOP);
    assertTrieError(() -> failing.get(K0), TrieException.Reason.PROVIDER, "oracle pipe closed");
    // The empty root needs no provider at all.
    assertThat(Trie.open(Hashes.EMPTY_TRIE_ROOT, TrieProvider.NONE, TrieHinter.NOOP).get(K0)).isNull();
  }

  static byte[] node(byte[]... items) {
    RlpWriter w = new RlpWriter().startList();
    for (byte[] i : items) w.writeBytes(i);
    return w.endList().toByteArray();
  }

  @Test
  void malformedNodesNameTheProblem() {
    byte[] v = Hex.decode("0x0102");
    assertTrieError(() -> TrieNode.decode(node(Hex.decode("0x4001"), v)), TrieException.Reason.MALFORMED_NODE,
        "has flag nibble 4 (only 0-3 exist)");
    assertTrieError(() -> TrieNode.decode(node(Hex.decode("0x2501"), v)), TrieException.Reason.MALFORMED_NODE,
        "is even-length but its padding nibble is 5");
    assertTrieError(() -> TrieNode.decode(node(new byte[0], v)), TrieException.Reason.MALFORMED_NODE,
        "hex-prefix path is empty");
    assertTrieError(() -> TrieNode.decode(node(Hex.decode("0x20"), new byte[0])), TrieException.Reason.MALFORMED_NODE,
        "leaf with an empty value is not canonical");
    assertTrieError(() -> TrieNode.decode(node(Hex.decode("0x00"), new byte[32])), TrieException.Reason.MALFORMED_NODE,
        "extension with an empty path is not canonical");
    assertTrieError(() -> TrieNode.decode(node(v, v, v)), TrieException.Reason.MALFORMED_NODE,
        "a trie node is a list of 2 or 17 items, this one has 3");
    assertTrieError(() -> TrieNode.decode(node(Hex.decode("0x11"), new byte[20])), TrieException.Reason.MALFORMED_NODE,
        "extension child must be empty, a 32-byte hash or an inline list, got a 20-byte string");
    // A branch with one child and no value should have been collapsed.
    byte[][] oneChild = new byte[17][];
    Arrays.fill(oneChild, new byte[0]);
    oneChild[3] = new byte[32];
    assertTrieError(() -> TrieNode.decode(node(oneChild)), TrieException.Reason.MALFORMED_NODE,
        "branch with 1 entry is not canonical");
    // An inline child of 32 bytes or more must be a hash reference.
    byte[] bigLeaf = node(Hex.decode("0x20"), new byte[40]);
    RlpWriter w = new RlpWriter().startList().writeRaw(bigLeaf).writeRaw(bigLeaf);
    for (int i = 2; i < 16; i++) w.writeEmpty();
    byte[] branch = w.writeEmpty().endList().toByteArray();
    assertTrieError(() -> TrieNode.decode(branch), TrieException.Reason.MALFORMED_NODE,
        "branch child 0 is inline but 43 bytes long");
    // An extension leading directly (inline) to a leaf.
    byte[] inlineLeaf = node(Hex.decode("0x31"), Hex.decode("0x05"));
    byte[] ext = new RlpWriter().startList().writeBytes(Hex.decode("0x11")).writeRaw(inlineLeaf).endList().toByteArray();
    assertTrieError(() -> TrieNode.decode(ext), TrieException.Reason.MALFORMED_NODE,
        "extension leads to an inline leaf, not a branch");
  }

  @Test
  void extensionWhoseHashedChildIsALeafIsAMalformedPath() {
    byte[] leaf = node(Hex.decode("0x3" + "1" + "22".repeat(30)), LONG); // odd leaf path, 40-byte value
    Bytes32 leafHash = Bytes32.keccak256(leaf);
    byte[] ext = new RlpWriter().startList().writeBytes(Hex.decode("0x0012")).writeBytes32(leafHash).endList().toByteArray();
    Bytes32 root = Bytes32.keccak256(ext);
    Trie t = Trie.open(root, TrieProvider.of(Map.of(root, ext, leafHash, leaf)), TrieHinter.NOOP);
    byte[] key = Hex.decode("0x12" + "1" + "22".repeat(30) + "2");
    assertTrieError(() -> t.get(key), TrieException.Reason.MALFORMED_PATH,
        "malformed trie at path : extension 12 leads to node " + leafHash + ", which is a leaf and not a branch");
  }

  @Test
  void emptyValuesCannotBeStored() {
    assertThatThrownBy(() -> Trie.empty().put(K0, new byte[0])).hasMessageContaining("delete the key instead");
  }

  /** kona.md 4.11: a delete that leaves a branch with one child known only by hash hints that node. */
  @Test
  void deleteCollapseHintsTheBlindedSibling() {
    BuiltTrie two = twoLeaves();
    TrieNode.Branch rootNode = (TrieNode.Branch) TrieNode.decode(two.nodes().get(two.root()));
    Bytes32 sibling = rootNode.child(1).hash();
    List<Bytes32> hints = new ArrayList<>();
    List<Bytes32> fetches = new ArrayList<>();
    TrieHinter hinter = new TrieHinter() {
      @Override
      public void hintTrieNode(Bytes32 nodeHash) {
        hints.add(nodeHash);
        assertThat(fetches).doesNotContain(nodeHash); // hinted before it is fetched
      }
    };
    Trie t = Trie.open(two.root(), h -> {
      fetches.add(h);
      return two.nodes().get(h);
    }, hinter);
    assertThat(t.delete(K0)).isTrue();
    assertThat(hints).containsExactly(sibling);
    assertThat(fetches).containsExactly(two.root(), rootNode.child(0).hash(), sibling);
    assertThat(t.rootHash()).isEqualTo(TrieBuilder.root(List.of(new TrieBuilder.Entry(K1, LONG))));
    assertThat(t.root()).isInstanceOf(TrieNode.Leaf.class);

    // Without the sibling the hint still goes out first; then the missing node is reported.
    List<Bytes32> hints2 = new ArrayList<>();
    Map<Bytes32, byte[]> partial = new HashMap<>(two.nodes());
    partial.remove(sibling);
    Trie t2 = Trie.open(two.root(), TrieProvider.of(partial), new TrieHinter() {
      @Override
      public void hintTrieNode(Bytes32 nodeHash) {
        hints2.add(nodeHash);
      }
    });
    assertTrieError(() -> t2.delete(K0), TrieException.Reason.MISSING_NODE, "trie node " + sibling);
    assertThat(hints2).containsExactly(sibling);
    // Deleting an absent key changes nothing and fetches only the path.
    Trie t3 = Trie.open(two.root(), TrieProvider.of(two.nodes()), TrieHinter.NOOP);
    assertThat(t3.delete(Hex.decode("0x" + "ff".repeat(32)))).isFalse();
    assertThat(t3.rootHash()).isEqualTo(two.root());
  }

  @Test
  void orderedListWithBadKeysIsRejected() {
    // Key 0x00 is not a canonical rlp(index) (zero is 0x80).
    BuiltTrie bad = TrieBuilder.build(List.of(new TrieBuilder.Entry(new byte[] {0}, LONG)), true);
    assertTrieError(() -> OrderedListWalker.walk(bad.root(), TrieProvider.of(bad.nodes())),
        TrieException.Reason.MALFORMED_PATH, "has key 0x00 which is not rlp(index)");
    // Indexes 0 and 2 without 1.
    BuiltTrie gap = TrieBuilder.build(List.of(new TrieBuilder.Entry(OrderedTrie.key(0), LONG),
        new TrieBuilder.Entry(OrderedTrie.key(2), LONG)), true);
    assertTrieError(() -> OrderedListWalker.walk(gap.root(), TrieProvider.of(gap.nodes())),
        TrieException.Reason.MALFORMED_PATH, "has 3 slots but no item at index 1");
    // The empty list: its single node is 0x80 under the empty root.
    BuiltTrie empty = OrderedTrie.build(List.of());
    assertThat(empty.root()).isEqualTo(Hashes.EMPTY_TRIE_ROOT);
    assertThat(empty.nodes().get(Hashes.EMPTY_TRIE_ROOT)).containsExactly(0x80);
    assertThat(OrderedListWalker.walk(empty.root(), TrieProvider.NONE)).isEmpty();
  }

  @Test
  void orderedKeysAreRlpOfTheIndex() {
    assertThat(OrderedTrie.key(0)).containsExactly(0x80);
    assertThat(OrderedTrie.key(1)).containsExactly(0x01);
    assertThat(OrderedTrie.key(127)).containsExactly(0x7f);
    assertThat(OrderedTrie.key(128)).containsExactly(0x81, 0x80);
    assertThat(OrderedTrie.key(0x1234)).containsExactly(0x82, 0x12, 0x34);
  }

  @Test
  void builderRejectsDuplicatesAndEmptyValues() {
    assertThatThrownBy(() -> TrieBuilder.root(List.of(new TrieBuilder.Entry(K0, LONG), new TrieBuilder.Entry(K0, LONG))))
        .hasMessageContaining("duplicate key 0x" + Hex.encode(K0));
    assertThatThrownBy(() -> TrieBuilder.root(List.of(new TrieBuilder.Entry(K0, new byte[0]))))
        .hasMessageContaining("empty value for key");
  }

  @Test
  void nibblesCompactEncoding() {
    // Yellow Paper appendix C examples.
    assertThat(Hex.encode(Nibbles.of(1, 2, 3, 4, 5).toCompact(false))).isEqualTo("112345");
    assertThat(Hex.encode(Nibbles.of(0, 1, 2, 3, 4, 5).toCompact(false))).isEqualTo("00012345");
    assertThat(Hex.encode(Nibbles.of(0, 15, 1, 12, 11, 8).toCompact(true))).isEqualTo("200f1cb8");
    assertThat(Hex.encode(Nibbles.of(15, 1, 12, 11, 8).toCompact(true))).isEqualTo("3f1cb8");
    Nibbles.Compact c = Nibbles.fromCompact(Hex.decode("3f1cb8"));
    assertThat(c.leaf()).isTrue();
    assertThat(c.path()).isEqualTo(Nibbles.of(15, 1, 12, 11, 8));
    assertThat(Nibbles.fromKey(Hex.decode("0xab01")).toString()).isEqualTo("ab01");
    assertThat(Bytes.of(Nibbles.fromKey(K0).toKey())).isEqualTo(Bytes.of(K0));
  }

  @Test
  void rootHashOfSmallTrieIsHashOfItsShortEncoding() {
    Trie t = Trie.empty();
    t.put(Hex.decode("0x01"), Hex.decode("0x02"));
    byte[] enc = t.root().encode();
    assertThat(enc.length).isLessThan(32);
    assertThat(t.rootHash()).isEqualTo(Bytes32.wrap(Hashing.keccak256(enc)));
  }
}
