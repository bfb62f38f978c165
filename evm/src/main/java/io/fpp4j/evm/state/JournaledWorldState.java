package io.fpp4j.evm.state;

import io.fpp4j.evm.UInt256;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.receipt.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The transaction scope every back end shares: the undo journal with its snapshots and reverts, warm
 * addresses and slots (EIP-2929), transient storage (EIP-1153), logs, the refund counter, and the touched,
 * created and self-destructed accounts. A back end keeps only where accounts and storage live; it journals
 * its own changes by pushing their undo actions onto {@link #journal}, so one revert undoes both kinds.
 */
abstract class JournaledWorldState implements WorldState {
  /** RIPEMD-160's address: a touch of it survives a revert (mainnet's 2016 consensus quirk, kept by every client). */
  private static final Address RIPEMD = Address.fromHex("0x0000000000000000000000000000000000000003");

  /**
   * A warm or transient storage slot. equals and hashCode are spelled out: a record's generated ones bootstrap
   * java.lang.runtime.ObjectMethods on first use (tens of method-handle classes), which every short run paid for.
   */
  private record Slot(Address address, UInt256 key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Slot other && address.equals(other.address) && key.equals(other.key);
    }

    @Override
    public int hashCode() {
      return 31 * address.hashCode() + key.hashCode();
    }
  }

  /** Undo actions, oldest first: a snapshot is a length, a revert runs the actions after it newest first. */
  final ArrayList<Runnable> journal = new ArrayList<>();
  private final HashSet<Address> touched = new HashSet<>();
  private final HashSet<Address> warmAddresses = new HashSet<>();
  private final HashSet<Slot> warmSlots = new HashSet<>();
  private final HashMap<Slot, UInt256> transientStorage = new HashMap<>();
  private final ArrayList<Log> logs = new ArrayList<>();
  private final HashSet<Address> created = new HashSet<>();
  private final HashSet<Address> selfDestructed = new HashSet<>();
  private long refund;

  // ---- the back end's part --------------------------------------------------------------------------

  /** Removes {@code a} from the state, if it is there (a self-destruct, or EIP-161's empty-account deletion). */
  abstract void deleteAccount(Address a);

  /** Forgets the transaction-start values of the slots written, so that the current values become the original ones. */
  abstract void clearOriginalStorage();

  // ---- touched and transient storage ---------------------------------------------------------------------

  /** Adds {@code item} to a transaction-scope set and journals its removal; false if it was there already. */
  private <T> boolean addJournaled(Set<T> set, T item) {
    if (!set.add(item)) return false;
    journal.add(() -> set.remove(item));
    return true;
  }

  @Override
  public void touch(Address a) {
    if (a.equals(RIPEMD)) touched.add(a); // not journaled: the touch survives a revert
    else addJournaled(touched, a);
  }

  @Override
  public UInt256 transientStorage(Address a, UInt256 key) {
    UInt256 v = transientStorage.get(new Slot(a, key));
    return v == null ? UInt256.ZERO : v;
  }

  @Override
  public void setTransientStorage(Address a, UInt256 key, UInt256 value) {
    Slot s = new Slot(a, key);
    UInt256 prev = value.isZero() ? transientStorage.remove(s) : transientStorage.put(s, value);
    journal.add(() -> {
      if (prev == null) transientStorage.remove(s);
      else transientStorage.put(s, prev);
    });
  }

  // ---- transaction scope -----------------------------------------------------------------------------

  @Override
  public boolean warmAddress(Address a) {
    return addJournaled(warmAddresses, a);
  }

  @Override
  public boolean isWarm(Address a) {
    return warmAddresses.contains(a);
  }

  @Override
  public boolean warmSlot(Address a, UInt256 key) {
    return addJournaled(warmSlots, new Slot(a, key));
  }

  @Override
  public void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  @Override
  public List<Log> logs() {
    return List.copyOf(logs);
  }

  @Override
  public long refund() {
    return refund;
  }

  @Override
  public void addRefund(long delta) {
    long prev = refund;
    refund += delta;
    journal.add(() -> refund = prev);
  }

  @Override
  public void markCreated(Address a) {
    addJournaled(created, a);
  }

  @Override
  public boolean createdInTransaction(Address a) {
    return created.contains(a);
  }

  @Override
  public void markSelfDestructed(Address a) {
    addJournaled(selfDestructed, a);
  }

  @Override
  public boolean isSelfDestructed(Address a) {
    return selfDestructed.contains(a);
  }

  // ---- journal and lifecycle ---------------------------------------------------------------------------

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertTo(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) journal.remove(i).run();
  }

  @Override
  public void beginTransaction() {
    journal.clear();
    touched.clear();
    warmAddresses.clear();
    warmSlots.clear();
    transientStorage.clear();
    logs.clear();
    created.clear();
    selfDestructed.clear();
    refund = 0;
    clearOriginalStorage();
  }

  @Override
  public void endTransaction(boolean deleteEmptyTouched) {
    for (Address a : selfDestructed) deleteAccount(a);
    if (deleteEmptyTouched) {
      // A touched account may never have been read (a zero-value transfer's recipient): exists() reads it.
      for (Address a : touched) {
        if (exists(a) && isEmpty(a)) deleteAccount(a);
      }
    }
    journal.clear();
    touched.clear();
    selfDestructed.clear();
    created.clear();
    transientStorage.clear();
    clearOriginalStorage();
  }
}
