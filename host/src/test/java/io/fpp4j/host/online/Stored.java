package io.fpp4j.host.online;

import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Store contents as {@code hex key → hex value}, for exact assertions. */
final class Stored {
  private Stored() {}

  static Map<String, String> of(MemoryPreimageStore store) {
    Map<String, String> out = new TreeMap<>();
    store.forEach((k, v) -> out.put(k.toHex(), Hex.prefixed(v)));
    return out;
  }

  /** The typed key {@code type ‖ digest[1:]} as hex. */
  static String key(int type, Bytes32 digest) {
    byte[] k = digest.toArray();
    k[0] = (byte) type;
    return Hex.prefixed(k);
  }

  static String key(int type, byte[] digest) {
    return key(type, Bytes32.wrap(digest));
  }

  /** What a host must store for an ordered list: every trie node under its keccak key. */
  static Map<String, String> trie(List<byte[]> items) {
    BuiltTrie t = OrderedTrie.build(items);
    Map<String, String> out = new TreeMap<>();
    t.nodes().forEach((h, node) -> out.put(key(2, h), Hex.prefixed(node)));
    return out;
  }
}
