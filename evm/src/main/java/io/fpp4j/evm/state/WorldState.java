package io.fpp4j.evm.state;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.UInt256;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.receipt.Log;
import java.util.List;

/**
 * The execution state the interpreter reads and writes: accounts, storage, and everything scoped to one
 * transaction (transient storage, warm sets, logs, refund counter, touched, created and self-destructed
 * accounts). Every change is journaled: {@link #snapshot} marks a point and {@link #revertTo} undoes all
 * changes after it, which is how a failing call frame leaves no trace.
 *
 * <p>Back ends differ only in where accounts come from: the in-memory one holds a full state; a stateless
 * one opens trie nodes on demand. The interpreter and the transaction processor use this interface alone.
 */
public interface WorldState {
  // ---- accounts --------------------------------------------------------------------------------

  /** True if the account exists (even if empty). */
  boolean exists(Address a);

  /** EIP-161 "dead": absent, or with nonce 0, balance 0 and no code. */
  boolean isEmpty(Address a);

  UInt256 balance(Address a);

  long nonce(Address a);

  /** The code, {@link Code#EMPTY} for an absent account. */
  Code code(Address a);

  /**
   * The code's hash ({@code EMPTY_CODE_HASH} for an absent account): separate from {@link #code} so that a
   * stateless back end can answer EXTCODEHASH from the account alone, without fetching the code.
   */
  Bytes32 codeHash(Address a);

  /** True if the account has at least one non-zero storage slot (EIP-7610's collision test). */
  boolean hasStorage(Address a);

  /** Creates the account, or resets an existing one to an empty account that keeps its balance (CREATE). */
  void createAccount(Address a);

  void setBalance(Address a, UInt256 balance);

  void setNonce(Address a, long nonce);

  void setCode(Address a, Code code);

  /** Marks the account touched: if it is empty at the end of the transaction, it is deleted (EIP-161). */
  void touch(Address a);

  // ---- storage ---------------------------------------------------------------------------------

  UInt256 storage(Address a, UInt256 key);

  /** The slot's value at the start of the transaction (EIP-2200). */
  UInt256 originalStorage(Address a, UInt256 key);

  void setStorage(Address a, UInt256 key, UInt256 value);

  UInt256 transientStorage(Address a, UInt256 key);

  void setTransientStorage(Address a, UInt256 key, UInt256 value);

  // ---- transaction scope -----------------------------------------------------------------------

  /** Warms {@code a}; returns true if it was cold (EIP-2929). */
  boolean warmAddress(Address a);

  boolean isWarm(Address a);

  /** Warms a storage slot; returns true if it was cold. */
  boolean warmSlot(Address a, UInt256 key);

  void addLog(Log log);

  List<Log> logs();

  long refund();

  /** Adds {@code delta} (may be negative) to the refund counter. */
  void addRefund(long delta);

  /** Marks the account as created in this transaction (EIP-6780 needs to know). */
  void markCreated(Address a);

  boolean createdInTransaction(Address a);

  /** Marks the account for deletion at the end of the transaction. */
  void markSelfDestructed(Address a);

  boolean isSelfDestructed(Address a);

  // ---- journal and lifecycle ---------------------------------------------------------------------

  int snapshot();

  void revertTo(int snapshot);

  /** Starts a transaction: clears the transaction-scoped sets and makes the current storage the original. */
  void beginTransaction();

  /**
   * Ends a transaction: deletes self-destructed accounts and (with {@code deleteEmptyTouched}, EIP-161)
   * touched accounts that are empty, and drops the journal.
   */
  void endTransaction(boolean deleteEmptyTouched);

  /** The state trie root of the current state (between transactions). */
  Bytes32 stateRoot();
}
