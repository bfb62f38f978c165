package io.fpp4j.evm.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.UInt256;
import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.TrieBuilder;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.state.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The stateless state gives the same roots as the in-memory one for the same operations. */
class TrieWorldStateTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
  private static final Address C = Address.fromHex("0x00000000000000000000000000000000000000cc");
  private static final Address NEW = Address.fromHex("0x00000000000000000000000000000000000000dd");
  private static final Code CODE = Code.of(new byte[] {0x60, 0x00, 0x60, 0x00, (byte) 0xf3});

  /** Pre-state: A with code and 40 slots, B a plain account, C an empty account (nonce 0, balance 0). */
  private static final class PreState {
    final Map<Bytes32, byte[]> nodes = new HashMap<>();
    final Map<Bytes32, byte[]> codes = new HashMap<>();
    final java.util.Set<Bytes32> storageNodes = new java.util.HashSet<>();
    Bytes32 root;

    InMemoryWorldState inMemory() {
      InMemoryWorldState s = new InMemoryWorldState();
      s.putAccount(A, 1, UInt256.ofUnsigned(1000), CODE, storageOfA());
      s.putAccount(B, 7, UInt256.ofUnsigned(5), Code.EMPTY, Map.of());
      s.putAccount(C, 0, UInt256.ZERO, Code.EMPTY, Map.of());
      return s;
    }

    PreState() {
      List<TrieBuilder.Entry> slots = new ArrayList<>();
      storageOfA().forEach((k, v) -> slots.add(new TrieBuilder.Entry(Hashing.keccak256(k.toBytes()),
          new RlpWriter(34).writeBytes(v.toMinimalBytes()).toByteArray())));
      BuiltTrie storage = TrieBuilder.build(slots, true);
      nodes.putAll(storage.nodes());
      storageNodes.addAll(storage.nodes().keySet());
      codes.put(CODE.hash(), CODE.bytes());
      List<TrieBuilder.Entry> accts = new ArrayList<>();
      accts.add(entry(A, new Account(1, java.math.BigInteger.valueOf(1000), storage.root(), CODE.hash())));
      accts.add(entry(B, new Account(7, java.math.BigInteger.valueOf(5), Hashes.EMPTY_TRIE_ROOT, Hashes.EMPTY_CODE_HASH)));
      accts.add(entry(C, Account.EMPTY));
      BuiltTrie state = TrieBuilder.build(accts, true);
      nodes.putAll(state.nodes());
      root = state.root();
    }

    TrieWorldState stateless(TrieHinter hinter) {
      StateSource src = new StateSource() {
        @Override
        public byte[] trieNodePreimage(Bytes32 hash) {
          return nodes.get(hash);
        }

        @Override
        public byte[] code(Bytes32 codeHash) {
          return codes.get(codeHash);
        }
      };
      return new TrieWorldState(root, 100, src, hinter);
    }
  }

  private static TrieBuilder.Entry entry(Address a, Account acc) {
    return new TrieBuilder.Entry(Hashing.keccak256(a.toArray()), acc.encode());
  }

  private static Map<UInt256, UInt256> storageOfA() {
    Map<UInt256, UInt256> m = new HashMap<>();
    for (int i = 1; i <= 40; i++) m.put(UInt256.ofUnsigned(i), UInt256.ofUnsigned(1000 + i));
    return m;
  }

  private static void sameRoots(Consumer<WorldState> ops) {
    PreState pre = new PreState();
    InMemoryWorldState mem = pre.inMemory();
    assertThat(mem.stateRoot()).isEqualTo(pre.root);
    TrieWorldState trie = pre.stateless(TrieHinter.NOOP);
    ops.accept(mem);
    ops.accept(trie);
    assertThat(trie.stateRoot()).isEqualTo(mem.stateRoot());
  }

  @Test
  void readsMatchThePreState() {
    PreState pre = new PreState();
    TrieWorldState s = pre.stateless(TrieHinter.NOOP);
    assertThat(s.balance(A)).isEqualTo(UInt256.ofUnsigned(1000));
    assertThat(s.nonce(B)).isEqualTo(7);
    assertThat(s.code(A).hash()).isEqualTo(CODE.hash());
    assertThat(s.storage(A, UInt256.ofUnsigned(17))).isEqualTo(UInt256.ofUnsigned(1017));
    assertThat(s.storage(A, UInt256.ofUnsigned(99))).isEqualTo(UInt256.ZERO);
    assertThat(s.exists(C)).isTrue();
    assertThat(s.isEmpty(C)).isTrue();
    assertThat(s.exists(NEW)).isFalse();
    assertThat(s.hasStorage(A)).isTrue();
    assertThat(s.stateRoot()).isEqualTo(pre.root);
  }

  @Test
  void balanceNonceAndNewAccount() {
    sameRoots(s -> {
      s.beginTransaction();
      s.setBalance(B, UInt256.ofUnsigned(77));
      s.setNonce(B, 8);
      s.setBalance(NEW, UInt256.ofUnsigned(1));
      s.endTransaction(true);
    });
  }

  @Test
  void storageWritesAndDeletesThatCollapseBranches() {
    sameRoots(s -> {
      s.beginTransaction();
      for (int i = 1; i <= 38; i++) s.setStorage(A, UInt256.ofUnsigned(i), UInt256.ZERO);
      s.setStorage(A, UInt256.ofUnsigned(500), UInt256.ofUnsigned(9));
      s.endTransaction(true);
    });
  }

  @Test
  void revertedChangesLeaveNoTrace() {
    sameRoots(s -> {
      s.beginTransaction();
      s.setStorage(A, UInt256.ofUnsigned(3), UInt256.ofUnsigned(33));
      int snap = s.snapshot();
      s.setStorage(A, UInt256.ofUnsigned(4), UInt256.ZERO);
      s.setBalance(NEW, UInt256.ofUnsigned(5));
      s.createAccount(B);
      s.revertTo(snap);
      s.endTransaction(true);
    });
  }

  @Test
  void touchedEmptyAccountIsDeletedAndNewContractCreated() {
    sameRoots(s -> {
      s.beginTransaction();
      s.touch(C);
      s.createAccount(NEW);
      s.setNonce(NEW, 1);
      s.setCode(NEW, CODE);
      s.setStorage(NEW, UInt256.ONE, UInt256.ofUnsigned(2));
      s.endTransaction(true);
      s.beginTransaction();
      s.markSelfDestructed(B);
      s.endTransaction(true);
    });
  }

  @Test
  void theNodesOfTheWrittenStateLetANextReaderOpenIt() {
    PreState pre = new PreState();
    TrieWorldState trie = pre.stateless(TrieHinter.NOOP);
    trie.beginTransaction();
    trie.setStorage(A, UInt256.ofUnsigned(100), UInt256.ofUnsigned(7));
    trie.setStorage(A, UInt256.ofUnsigned(1), UInt256.ZERO);
    trie.setBalance(B, UInt256.ofUnsigned(99));
    trie.createAccount(NEW);
    trie.setNonce(NEW, 1);
    trie.endTransaction(true);
    Bytes32 root = trie.stateRoot();
    Map<Bytes32, byte[]> written = new HashMap<>();
    trie.forEachTrieNode(written::put);
    written.forEach((hash, rlp) -> assertThat(Bytes32.wrap(Hashing.keccak256(rlp))).isEqualTo(hash));
    assertThat(written).containsKey(root).doesNotContainKey(pre.root);

    // The next block's state: the written nodes over the old ones, as a program keeps them.
    pre.nodes.putAll(written);
    pre.root = root;
    TrieWorldState next = pre.stateless(TrieHinter.NOOP);
    assertThat(next.storage(A, UInt256.ofUnsigned(100))).isEqualTo(UInt256.ofUnsigned(7));
    assertThat(next.storage(A, UInt256.ofUnsigned(1))).isEqualTo(UInt256.ZERO);
    assertThat(next.storage(A, UInt256.ofUnsigned(2))).isEqualTo(UInt256.ofUnsigned(1002));
    assertThat(next.balance(B)).isEqualTo(UInt256.ofUnsigned(99));
    assertThat(next.nonce(NEW)).isEqualTo(1);
  }

  @Test
  void rootsAcrossSeveralCommits() {
    PreState pre = new PreState();
    InMemoryWorldState mem = pre.inMemory();
    TrieWorldState trie = pre.stateless(TrieHinter.NOOP);
    for (int round = 0; round < 3; round++) {
      for (WorldState s : List.of(mem, trie)) {
        s.beginTransaction();
        s.setStorage(A, UInt256.ofUnsigned(round + 1), UInt256.ZERO);
        s.setStorage(A, UInt256.ofUnsigned(100 + round), UInt256.ofUnsigned(round + 1));
        s.setBalance(B, UInt256.ofUnsigned(round));
        s.endTransaction(true);
      }
      assertThat(trie.stateRoot()).isEqualTo(mem.stateRoot());
    }
    assertThat(trie.storage(A, UInt256.ofUnsigned(101))).isEqualTo(UInt256.ofUnsigned(2));
  }

  @Test
  void deleteCollapseHintsTheSiblingBeforeOpeningIt() {
    // Two slots with full-width values: both leaves are referenced by hash from a root branch (their hashed
    // keys start with different nibbles), so deleting one leaves a branch whose only child is still blinded.
    Map<UInt256, UInt256> slots = Map.of(UInt256.ONE, UInt256.MAX, UInt256.ofUnsigned(2), UInt256.MAX);
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    slots.forEach((k, v) -> entries.add(new TrieBuilder.Entry(Hashing.keccak256(k.toBytes()),
        new RlpWriter(34).writeBytes(v.toMinimalBytes()).toByteArray())));
    BuiltTrie storage = TrieBuilder.build(entries, true);
    BuiltTrie state = TrieBuilder.build(List.of(entry(A,
        new Account(1, java.math.BigInteger.ONE, storage.root(), Hashes.EMPTY_CODE_HASH))), true);
    Map<Bytes32, byte[]> nodes = new HashMap<>(storage.nodes());
    nodes.putAll(state.nodes());
    List<Bytes32> hinted = new ArrayList<>();
    List<Long> accountHintBlocks = new ArrayList<>();
    TrieHinter hinter = new TrieHinter() {
      @Override
      public void hintTrieNode(Bytes32 nodeHash) {
        hinted.add(nodeHash);
      }

      @Override
      public void hintAccountProof(Address address, long blockNumber) {
        accountHintBlocks.add(blockNumber);
      }
    };
    TrieWorldState s = new TrieWorldState(state.root(), 100, StateSource.ofPreimages(nodes::get), hinter);
    s.beginTransaction();
    s.setStorage(A, UInt256.ONE, UInt256.ZERO);
    s.endTransaction(true);
    Bytes32 root = s.stateRoot();

    assertThat(hinted).hasSize(1);
    assertThat(nodes).containsKey(hinted.get(0));
    assertThat(hinted.get(0)).isNotEqualTo(storage.root()); // the remaining leaf, not the branch above it
    assertThat(accountHintBlocks).containsExactly(100L);
    InMemoryWorldState mem = new InMemoryWorldState();
    mem.putAccount(A, 1, UInt256.ONE, Code.EMPTY, Map.of(UInt256.ofUnsigned(2), UInt256.MAX));
    assertThat(root).isEqualTo(mem.stateRoot());
  }

  @Test
  void missingNodeNamesTheAccountAndTheNode() {
    PreState pre = new PreState();
    pre.nodes.remove(pre.root);
    TrieWorldState s = pre.stateless(TrieHinter.NOOP);
    assertThatThrownBy(() -> s.balance(B)).isInstanceOf(StateReadException.class)
        .hasMessageContaining(B.toString()).hasMessageContaining(pre.root.toString());
  }

  @Test
  void missingStorageNodeNamesTheSlot() {
    PreState pre = new PreState();
    pre.nodes.keySet().removeAll(pre.storageNodes);
    TrieWorldState s = pre.stateless(TrieHinter.NOOP);
    assertThatThrownBy(() -> s.storage(A, UInt256.ofUnsigned(5))).isInstanceOf(StateReadException.class)
        .hasMessageContaining(A.toString()).hasMessageContaining(UInt256.ofUnsigned(5).toBytes32().toString());
  }

  /** Nodes and code together, through {@link StateSource#ofPreimages}, so the verified flag can be set or not. */
  private static TrieWorldState fromPreimages(PreState pre, boolean verified) {
    Map<Bytes32, byte[]> all = new HashMap<>(pre.nodes);
    all.putAll(pre.codes);
    io.fpp4j.mpt.TrieProvider p = all::get;
    StateSource src = StateSource.ofPreimages(verified ? io.fpp4j.mpt.TrieProvider.verified(p) : p);
    assertThat(src.answersVerified()).isEqualTo(verified);
    return new TrieWorldState(pre.root, 100, src, TrieHinter.NOOP);
  }

  @Test
  void corruptCodeFromAnUnverifiedSourceIsRefusedNamingTheHashAndAccount() {
    PreState pre = new PreState();
    byte[] corrupt = CODE.bytes().clone();
    corrupt[0] = 0x61;
    pre.codes.put(CODE.hash(), corrupt);
    TrieWorldState s = fromPreimages(pre, false);
    assertThatThrownBy(() -> s.code(A)).isInstanceOf(StateReadException.class)
        .hasMessageContaining(CODE.hash().toString()).hasMessageContaining(A.toString())
        .hasMessageContaining(Bytes32.keccak256(corrupt).toString());
  }

  /**
   * A source that declares its answers verified is not hashed again: what it serves is taken as the code of
   * the hash, so the responsibility for having checked it is the source's (here it did not, and the wrong code
   * is believed). Correct code from it reads the same as from an unverified source.
   */
  @Test
  void aVerifiedSourceIsTakenAtItsWord() {
    PreState pre = new PreState();
    assertThat(fromPreimages(pre, true).code(A).bytes()).isEqualTo(CODE.bytes());
    assertThat(fromPreimages(pre, true).code(A).hash()).isEqualTo(CODE.hash());

    byte[] corrupt = CODE.bytes().clone();
    corrupt[0] = 0x61;
    pre.codes.put(CODE.hash(), corrupt);
    Code served = fromPreimages(pre, true).code(A);
    assertThat(served.bytes()).isEqualTo(corrupt);
    assertThat(served.hash()).isEqualTo(CODE.hash()); // the declared hash, not recomputed
  }
}
