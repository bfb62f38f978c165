package io.fpp4j.mpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trie node codec and Merkle proof verification fed arbitrary bytes. Inputs live under
 * {@code src/test/resources/io/fpp4j/mpt/TrieFuzzTestInputs/<method>/}; the seeds are nodes and proofs
 * of real tries built by {@link TrieBuilder}.
 */
class TrieFuzzTest {
  /** Builds the node again from its parts alone, so its encoding is computed rather than the input kept. */
  static TrieNode rebuild(TrieNode n) {
    if (n instanceof TrieNode.Leaf l) return new TrieNode.Leaf(l.path(), l.value());
    if (n instanceof TrieNode.Extension e) return new TrieNode.Extension(e.path(), rebuild(e.child()));
    if (n instanceof TrieNode.Branch b) {
      TrieNode[] children = new TrieNode[16];
      for (int i = 0; i < 16; i++) children[i] = rebuild(b.child(i));
      return new TrieNode.Branch(children, b.value());
    }
    return n; // empty and blinded nodes are their own parts
  }

  /** A node the decoder accepts is canonical: rebuilt from its parts it encodes to the same bytes. */
  @FuzzTest(maxDuration = "10m")
  void nodeCodec(byte[] data) {
    TrieNode node;
    try {
      node = TrieNodes.decode(data, null);
    } catch (RlpException e) {
      assertThat(e.offset()).isBetween(0, data.length);
      return;
    }
    assertThat(rebuild(node).encode()).isEqualTo(data);
  }

  /**
   * A proof in a simple framing: one byte of key length, the key, then nodes each with a two-byte
   * big-endian length. The root is the hash of the first node, so the walk always starts somewhere real.
   */
  record FramedProof(byte[] key, List<byte[]> nodes) {
    static FramedProof parse(byte[] data) {
      if (data.length == 0) return new FramedProof(new byte[0], List.of());
      int keyLen = Math.min(data[0] & 0xff, data.length - 1);
      byte[] key = Arrays.copyOfRange(data, 1, 1 + keyLen);
      List<byte[]> nodes = new ArrayList<>();
      int at = 1 + keyLen;
      while (at + 2 <= data.length) {
        int len = Math.min(((data[at] & 0xff) << 8) | (data[at + 1] & 0xff), data.length - at - 2);
        nodes.add(Arrays.copyOfRange(data, at + 2, at + 2 + len));
        at += 2 + len;
      }
      return new FramedProof(key, nodes);
    }

    byte[] frame() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(key.length);
      out.writeBytes(key);
      for (byte[] n : nodes) {
        out.write(n.length >> 8);
        out.write(n.length);
        out.writeBytes(n);
      }
      return out.toByteArray();
    }
  }

  /**
   * Whatever the nodes, verification returns a value, proves absence, or fails with a TrieException
   * whose message names the root or node at fault; and the answer does not depend on the nodes' order.
   */
  @FuzzTest(maxDuration = "10m")
  void proofVerification(byte[] data) {
    FramedProof p = FramedProof.parse(data);
    if (p.nodes().isEmpty()) return;
    Bytes32 root = Bytes32.wrap(Hashing.keccak256(p.nodes().get(0)));
    Bytes value;
    try {
      value = ProofVerifier.verify(root, p.key(), p.nodes());
    } catch (TrieException e) {
      assertThat(e.getMessage()).isNotBlank().containsPattern("0x[0-9a-f]{64}");
      return;
    }
    List<byte[]> reversed = new ArrayList<>(p.nodes());
    java.util.Collections.reverse(reversed);
    assertThat(ProofVerifier.verify(root, p.key(), reversed)).isEqualTo(value);
    if (value != null) assertThat(value.isEmpty()).isFalse();
  }
}
