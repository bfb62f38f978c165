package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;

/**
 * What byte 0 of a raw store key says: one of the six preimage key types, or {@link #OTHER} for keys that
 * are not typed preimage keys (op-program's marker entries, untyped hashes).
 */
public enum KeyCategory {
  OTHER("other (not a typed key)"),
  LOCAL("local (1)"),
  KECCAK256("keccak256 (2)"),
  GLOBAL_GENERIC("global-generic (3)"),
  SHA256("sha256 (4)"),
  BLOB("blob (5)"),
  PRECOMPILE("precompile (6)");

  private final String label;

  KeyCategory(String label) {
    this.label = label;
  }

  public static KeyCategory of(Bytes32 key) {
    int b = key.get(0) & 0xff;
    return b >= 1 && b <= 6 ? values()[b] : OTHER;
  }

  public String label() {
    return label;
  }
}
