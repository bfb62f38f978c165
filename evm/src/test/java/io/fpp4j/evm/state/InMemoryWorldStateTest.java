package io.fpp4j.evm.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.UInt256;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal: what a revert restores, what survives it, and what the end of a transaction deletes. */
class InMemoryWorldStateTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
  private static final Address RIPEMD = Address.fromHex("0x0000000000000000000000000000000000000003");
  private static final UInt256 K = UInt256.ofUnsigned(7);

  @Test
  void revertRestoresEveryKindOfChange() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(A, 1, UInt256.ofUnsigned(100), Code.EMPTY, Map.of(K, UInt256.ONE));
    Bytes32 root = s.stateRoot();
    s.beginTransaction();
    int snap = s.snapshot();
    s.setBalance(A, UInt256.ofUnsigned(5));
    s.setNonce(A, 9);
    s.setStorage(A, K, UInt256.ofUnsigned(2));
    s.setTransientStorage(A, K, UInt256.ONE);
    s.setCode(B, Code.of(new byte[] {0x00}));
    s.warmAddress(B);
    s.warmSlot(A, K);
    s.addRefund(4800);
    s.markSelfDestructed(A);
    s.revertTo(snap);
    assertThat(s.balance(A)).isEqualTo(UInt256.ofUnsigned(100));
    assertThat(s.nonce(A)).isEqualTo(1);
    assertThat(s.storage(A, K)).isEqualTo(UInt256.ONE);
    assertThat(s.transientStorage(A, K)).isEqualTo(UInt256.ZERO);
    assertThat(s.exists(B)).isFalse();
    assertThat(s.isWarm(B)).isFalse();
    assertThat(s.warmSlot(A, K)).isTrue(); // cold again
    assertThat(s.refund()).isZero();
    assertThat(s.isSelfDestructed(A)).isFalse();
    s.endTransaction(true);
    assertThat(s.stateRoot()).isEqualTo(root);
  }

  @Test
  void originalStorageIsTheTransactionStartValue() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(A, 1, UInt256.ZERO, Code.EMPTY, Map.of(K, UInt256.ONE));
    s.beginTransaction();
    s.setStorage(A, K, UInt256.ofUnsigned(2));
    s.setStorage(A, K, UInt256.ofUnsigned(3));
    assertThat(s.originalStorage(A, K)).isEqualTo(UInt256.ONE);
    s.endTransaction(true);
    s.beginTransaction();
    assertThat(s.originalStorage(A, K)).isEqualTo(UInt256.ofUnsigned(3));
  }

  @Test
  void touchedEmptyAccountsAreDeletedButUntouchedOnesStay() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(A, 0, UInt256.ZERO, Code.EMPTY, Map.of());
    s.putAccount(B, 0, UInt256.ZERO, Code.EMPTY, Map.of());
    s.beginTransaction();
    s.touch(A);
    s.endTransaction(true);
    assertThat(s.exists(A)).isFalse();
    assertThat(s.exists(B)).isTrue();
  }

  @Test
  void aRevertedTouchOfRipemdStillCounts() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(RIPEMD, 0, UInt256.ZERO, Code.EMPTY, Map.of());
    s.putAccount(A, 0, UInt256.ZERO, Code.EMPTY, Map.of());
    s.beginTransaction();
    int snap = s.snapshot();
    s.touch(RIPEMD);
    s.touch(A);
    s.revertTo(snap);
    s.endTransaction(true);
    assertThat(s.exists(RIPEMD)).isFalse();
    assertThat(s.exists(A)).isTrue();
  }

  @Test
  void createAccountKeepsTheBalanceOnly() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(A, 0, UInt256.ofUnsigned(10), Code.EMPTY, Map.of());
    s.beginTransaction();
    s.createAccount(A);
    assertThat(s.balance(A)).isEqualTo(UInt256.ofUnsigned(10));
    assertThat(s.hasStorage(A)).isFalse();
  }

  @Test
  void emptyStateHasTheEmptyTrieRoot() {
    assertThat(new InMemoryWorldState().stateRoot()).isEqualTo(Hashes.EMPTY_TRIE_ROOT);
  }
}
