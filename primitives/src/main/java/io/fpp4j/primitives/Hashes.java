package io.fpp4j.primitives;

/** Well-known hashes that show up in headers, accounts and tries. */
public final class Hashes {
  private Hashes() {}

  /** keccak256(rlp("")): the root of an empty Merkle-Patricia trie. */
  public static final Bytes32 EMPTY_TRIE_ROOT =
      Bytes32.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  /** keccak256 of no bytes: the code hash of an account without code. */
  public static final Bytes32 EMPTY_CODE_HASH =
      Bytes32.fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Bytes32 EMPTY_OMMERS_HASH =
      Bytes32.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
}
